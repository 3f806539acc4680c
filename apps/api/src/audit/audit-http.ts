import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuditActor, AuditRecord } from '@bandpro/audit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { AuthenticatedRequest } from '../common/auth/auth.decorators';
import { commandTypesOf } from './audit-actions';
import { AUDIT_ROUTE, planOf, type AuditPlan } from './audit-routes';
import { auditNoteOf, noteAudit } from './audit.decorator';
import { AuditRecorder } from './audit-recorder';
import { AUDIT_CLOCK, type AuditClock } from './audit.tokens';

type AuditedRequest = FastifyRequest<{ Params: Record<string, string | undefined> }> & AuthenticatedRequest;

const triedApiKey = (request: FastifyRequest): boolean =>
  request.headers['x-api-key'] !== undefined || /^ApiKey /i.test(request.headers.authorization ?? '');

/**
 * Records every mutating request (and every route marked @Audit) once its response is finished or the connection
 * closed, so the record has the real status, whether a guard refused it or its handler ran; plus one 'api_key.used'
 * record for any request an API key authenticated or tried to. Fastify hooks, not a Nest interceptor: an
 * interceptor wraps every request of every route in an observable chain (with the helmet change, 11-14% of a
 * command's CPU in interleaved runs, session 6). Each route's handler is known from its config (audit-routes.ts).
 */
@Injectable()
export class AuditHttp {
  private readonly logger = new Logger('AuditHttp');
  /** Per route (its Fastify config object), the plan, worked out on its first request. */
  private readonly plans = new WeakMap<object, AuditPlan>();

  constructor(
    private readonly recorder: AuditRecorder,
    @Inject(AUDIT_CLOCK) private readonly clock: AuditClock,
  ) {}

  attach(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      this.watch(request as AuditedRequest, reply);
      done();
    });
    // A route that creates a score names it only in its result.
    fastify.addHook('preSerialization', (request: FastifyRequest, _reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
      noteCreatedScore(request as AuditedRequest, payload);
      done(null, payload);
    });
  }

  private watch(request: AuditedRequest, reply: FastifyReply): void {
    const config = request.routeOptions.config;
    const route = config?.[AUDIT_ROUTE];
    // No route matched (404), or one not Nest's (the docs): nothing to record.
    if (config === undefined || route === undefined) return;
    let plan = this.plans.get(config);
    if (plan === undefined) {
      plan = planOf(route, request.method, routeOf(request));
      this.plans.set(config, plan);
    }
    const keyTried = triedApiKey(request);
    if (plan.action === undefined && !keyTried) return;
    const chosen = plan;
    reply.raw.once('close', () => this.recordSafely(chosen, keyTried, request, reply));
  }

  /** Runs in a response's 'close' listener, where a throw would take the process down: a bug here is logged instead. */
  private recordSafely(plan: AuditPlan, keyTried: boolean, request: AuditedRequest, reply: FastifyReply): void {
    try {
      this.recorder.add(this.records(plan, keyTried, request, reply));
    } catch (error) {
      this.logger.error(`An audit record could not be built for ${request.method} ${routeOf(request)}: ${String(error)}`);
    }
  }

  private records(plan: AuditPlan, keyTried: boolean, request: AuditedRequest, reply: FastifyReply): AuditRecord[] {
    const outcome = reply.raw.writableFinished && reply.statusCode < 400 ? 'success' : 'failure';
    const note = auditNoteOf(request);
    const base = this.base(request, reply, outcome, note.actor);
    const records: AuditRecord[] = [];
    if (plan.action !== undefined) {
      const action = outcome === 'failure' && plan.onFailure ? plan.onFailure : plan.action;
      const commandTypes = commandTypesOf(request.body);
      records.push({ ...base, id: uuidv7(), action, details: { ...base.details, ...(commandTypes ? { commandTypes } : {}), ...note.details } });
    }
    // An API key authenticated the request, or one was tried on a read and refused (it names no actor then).
    const apiKeyUse = request.actor?.kind === 'api-key' || (request.actor === undefined && keyTried && plan.action === undefined);
    if (apiKeyUse) records.push({ ...base, id: uuidv7(), action: 'api_key.used' });
    return records;
  }

  private base(request: AuditedRequest, reply: FastifyReply, outcome: AuditRecord['outcome'], notedActor: AuditActor | undefined): Omit<AuditRecord, 'id' | 'action'> {
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
      status: reply.statusCode,
      details: { method: request.method, route: routeOf(request), ...onBehalfOf },
    };
  }
}

function noteCreatedScore(request: AuditedRequest, result: unknown): void {
  const scoreId = (result as { scoreId?: unknown } | null | undefined)?.scoreId;
  if (typeof scoreId === 'string' && request.params?.['scoreId'] === undefined) noteAudit(request, { scoreId });
}

/** The route pattern (`/api/v1/scores/:scoreId/notes`), never the raw URL: no ids, tokens or query strings in details. */
function routeOf(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  return typeof pattern === 'string' ? pattern : request.url.split('?')[0];
}
