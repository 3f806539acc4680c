import { Injectable, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest as Request } from 'fastify';
import type { AuthenticatedRequest } from '../../common/auth/auth.decorators';
import { ApiError } from '../../common/errors/api-error';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { JwtAuthGuard, JwtStrategy } from './jwt.strategy';
import { VerifiedTokens } from './verified-tokens';

export type RequestActor = NonNullable<AuthenticatedRequest['actor']>;
/** Route parameters and the query string as Fastify hands them to guards: strings, unchecked. */
export type IdentityRequest = Request<{ Params: Record<string, string | undefined>; Querystring: Record<string, unknown> }> & AuthenticatedRequest & { user?: RequestActor };

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const done = new WeakMap<object, Promise<RequestActor | undefined>>();

/**
 * Turns a request's credentials into `request.actor`, once per request: both global guards call it, so their
 * order does not matter. Bearer → a user (passport-jwt); `ApiKey <id>.<secret>` or X-API-Key → an API key acting
 * for its owner. No credentials → undefined (the guards decide whether that is enough).
 */
@Injectable()
export class Authenticator {
  private readonly jwt = new JwtAuthGuard();
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly jwtStrategy: JwtStrategy,
  ) {}

  authenticate(context: ExecutionContext): Promise<RequestActor | undefined> {
    const request = context.switchToHttp().getRequest<IdentityRequest>();
    let pending = done.get(request);
    if (pending === undefined) {
      pending = this.resolve(context, request).then((actor) => (request.actor = actor));
      done.set(request, pending);
    }
    return pending;
  }

  private async resolve(context: ExecutionContext, request: IdentityRequest): Promise<RequestActor | undefined> {
    const authorization = request.headers.authorization ?? '';
    const headerKey = request.headers['x-api-key'];
    if (/^Bearer /i.test(authorization)) {
      const token = authorization.slice(7).trim();
      const known = this.verified.get(token, Date.now());
      if (known !== undefined) return this.jwtStrategy.validate(known);
      await this.jwt.canActivate(context);
      this.verified.remember(token);
      return request.user;
    }
    const apiKey = /^ApiKey /i.test(authorization) ? authorization.slice(7).trim() : typeof headerKey === 'string' ? headerKey : undefined;
    if (apiKey !== undefined) return this.keyActor(apiKey, request.method);
    if (authorization !== '') throw new ApiError(401, 'UNAUTHENTICATED', 'Use a Bearer access token or an API key');
    return undefined;
  }

  private async keyActor(presented: string, method: string): Promise<RequestActor> {
    const found = await this.apiKeys.verify(presented);
    if (found === null) throw new ApiError(401, 'API_KEY_INVALID', 'The API key is not valid');
    const { userId, key } = found;
    if (key.scope === 'read' && !READ_METHODS.has(method)) {
      throw new ApiError(403, 'API_KEY_SCOPE_INSUFFICIENT', 'This API key may only read: use a key with the write scope');
    }
    return { id: key.keyId, kind: 'api-key', userId, scopes: key.scope === 'write' ? ['read', 'write'] : ['read'] };
  }
}
