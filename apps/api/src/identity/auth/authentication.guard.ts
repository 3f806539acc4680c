import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_SCORE_ROLE } from '../../common/auth/auth.decorators';
import { ApiError } from '../../common/errors/api-error';
import { Authenticator, type IdentityRequest } from './authenticator';

/** Share tokens come as `?share=<token>` or `X-Share-Token`. */
export function shareTokenOf(request: IdentityRequest): string | undefined {
  const header = request.headers['x-share-token'];
  if (typeof header === 'string' && header !== '') return header;
  const query = request.query['share'];
  return typeof query === 'string' && query !== '' ? query : undefined;
}

/**
 * Global: every route not marked @Public() needs an actor, except a score route (@RequireScoreRole) reached
 * with a share token, which ScoreRoleGuard then checks.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<IdentityRequest>();
    const actor = await this.authenticator.authenticate(context);
    if (actor !== undefined) return true;
    if (this.reflector.getAllAndOverride(REQUIRED_SCORE_ROLE, targets) && shareTokenOf(request) !== undefined) return true;
    throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in, or send an API key');
  }
}
