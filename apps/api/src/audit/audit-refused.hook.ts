import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isMutating } from './audit-actions';
import type { AuditInterceptor } from './audit.interceptor';

/**
 * Requests a guard refuses (bad credentials, missing role, rate limit) never reach the interceptor. This
 * Fastify hook catches the mutating ones (and any an API key tried) when their response closes, unless the
 * interceptor saw them, and has the interceptor record them by their route.
 */
export function auditRefusedRequests(fastify: FastifyInstance, interceptor: AuditInterceptor): void {
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const triedApiKey = request.headers['x-api-key'] !== undefined || /^ApiKey /i.test(request.headers.authorization ?? '');
    if (isMutating(request.method) || triedApiKey) reply.raw.once('close', () => interceptor.recordRefused(request as never, reply));
    done();
  });
}
