import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuditActor, AuditRecord } from '@bandpro/audit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tap, type Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import type { AuthenticatedRequest } from '../common/auth/auth.decorators';
import { actionOf, commandTypesOf, isMutating } from './audit-actions';
import { AUDIT_ACTION, auditNoteOf, noteAudit, type AuditedAction } from './audit.decorator';
import { AuditRecorder } from './audit-recorder';
import { AUDIT_CLOCK, type AuditClock } from './audit.tokens';

type AuditedRequest = FastifyRequest<{ Params: Record<string, string | undefined> }> & AuthenticatedRequest;

/** Requests the interceptor saw; the others were refused by a guard (see audit-refused.hook.ts). */
const seen = new WeakSet<object>();

interface Plan {
  action?: string;
  onFailure?: string;
  apiKeyUse: boolean;
}

/**
 * Global: records every mutating request (and every route marked @Audit) once its response is finished or the
 * connection closed, so the record has the real status; plus one 'api_key.used' record for any request an
 * API key authenticated. Requests refused by a guard never reach interceptors: the hook in audit-refused.hook.ts hands those back.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('AuditInterceptor');

  constructor(
    private readonly reflector: Reflector,
    private readonly recorder: AuditRecorder,
    @Inject(AUDIT_CLOCK) private readonly clock: AuditClock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const response = context.switchToHttp().getResponse<FastifyReply>();
    seen.add(request);
    const plan = this.plan(context, request);
    if (plan.action === undefined && !plan.apiKeyUse) return next.handle();
    response.raw.once('close', () => this.recordSafely(plan, request, response));
    return next.handle().pipe(tap((result) => noteCreatedScore(request, result)));
  }

  /** For the refused-request hook (audit-refused.hook.ts): a request that matched a route but was refused before any interceptor ran. */
  recordRefused(request: AuditedRequest, response: FastifyReply): void {
    if (seen.has(request) || request.routeOptions.url === undefined) return;
    const action = isMutating(request.method) ? actionOf(request.method, routeOf(request), 'http', request.method.toLowerCase()) : undefined;
    const apiKeyUse = request.actor?.kind === 'api-key' || action === undefined;
    this.recordSafely({ action, apiKeyUse }, request, response);
  }

  /** Runs in a response's 'close' listener, where a throw would take the process down: a bug here is logged instead. */
  private recordSafely(plan: Plan, request: AuditedRequest, response: FastifyReply): void {
    try {
      this.recorder.add(this.records(plan, request, response));
    } catch (error) {
      this.logger.error(`An audit record could not be built for ${request.method} ${routeOf(request)}: ${String(error)}`);
    }
  }

  private plan(context: ExecutionContext, request: AuditedRequest): Plan {
    const explicit = this.reflector.getAllAndOverride<AuditedAction | undefined>(AUDIT_ACTION, [context.getHandler(), context.getClass()]);
    const apiKeyUse = request.actor?.kind === 'api-key';
    if (explicit) return { ...explicit, apiKeyUse };
    if (!isMutating(request.method)) return { apiKeyUse };
    return { action: actionOf(request.method, routeOf(request), context.getClass().name, context.getHandler().name), apiKeyUse };
  }

  private records(plan: Plan, request: AuditedRequest, response: FastifyReply): AuditRecord[] {
    const outcome = response.raw.writableFinished && response.statusCode < 400 ? 'success' : 'failure';
    const note = auditNoteOf(request);
    const base = this.base(request, response, outcome, note.actor);
    const records: AuditRecord[] = [];
    if (plan.action !== undefined) {
      const action = outcome === 'failure' && plan.onFailure ? plan.onFailure : plan.action;
      const commandTypes = commandTypesOf(request.body);
      records.push({ ...base, id: uuidv7(), action, details: { ...base.details, ...(commandTypes ? { commandTypes } : {}), ...note.details } });
    }
    if (plan.apiKeyUse) records.push({ ...base, id: uuidv7(), action: 'api_key.used' });
    return records;
  }

  private base(request: AuditedRequest, response: FastifyReply, outcome: AuditRecord['outcome'], notedActor: AuditActor | undefined): Omit<AuditRecord, 'id' | 'action'> {
    const actor = notedActor ?? (request.actor ? { id: request.actor.id, kind: request.actor.kind } : null);
    const scoreId = typeof request.params?.['scoreId'] === 'string' ? request.params['scoreId'] : auditNoteOf(request).scoreId;
    const onBehalfOf = request.actor?.kind === 'api-key' ? { userId: request.actor.userId } : {};
    return {
      at: this.clock().toISOString(),
      actor,
      ip: request.ip ?? null,
      userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'].slice(0, 512) : null,
      ...(scoreId === undefined ? {} : { scoreId }),
      outcome,
      status: response.statusCode,
      details: { method: request.method, route: routeOf(request), ...onBehalfOf },
    };
  }
}

/** A route that creates a score names it only in its result. */
function noteCreatedScore(request: AuditedRequest, result: unknown): void {
  const scoreId = (result as { scoreId?: unknown } | null | undefined)?.scoreId;
  if (typeof scoreId === 'string' && request.params?.['scoreId'] === undefined) noteAudit(request, { scoreId });
}

/** The route pattern (`/api/v1/scores/:scoreId/notes`), never the raw URL: no ids, tokens or query strings in details. */
function routeOf(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  return typeof pattern === 'string' ? pattern : request.url.split('?')[0];
}
