import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleOf, roleSatisfies, type AccessRole, type AccessState } from '@bandpro/domain';
import { REQUIRED_SCORE_ROLE, type ScoreRole } from '../common/auth/auth.decorators';
import { ApiError } from '../common/errors/api-error';
import { AccountStore } from '../identity/account.store';
import { SCORE_ID_PATTERN } from '../scores/score-id.params';
import { shareTokenOf } from '../identity/auth/authentication.guard';
import { Authenticator, type IdentityRequest, type RequestActor } from '../identity/auth/authenticator';
import { sameHash, sha256, splitToken } from '../identity/secrets';
import { AccessStore, type LoadedAccess } from './access.store';

const READ_METHODS = new Set(['GET', 'HEAD']);
const perRequest = new WeakMap<object, Map<string, Promise<LoadedAccess>>>();

/** Global, after authentication: enforces @RequireScoreRole on the route's `:scoreId`. */
@Injectable()
export class ScoreRoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly accounts: AccountStore,
    private readonly access: AccessStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<ScoreRole | undefined>(REQUIRED_SCORE_ROLE, [context.getHandler(), context.getClass()]);
    if (required === undefined) return true;
    const request = context.switchToHttp().getRequest<IdentityRequest>();
    const scoreId = request.params['scoreId'];
    if (typeof scoreId !== 'string') throw new ApiError(403, 'FORBIDDEN', 'This route names no score');
    // Guards run before pipes: refuse a malformed id here as the validation pipe would, before any store sees it.
    if (!SCORE_ID_PATTERN.test(scoreId)) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid', { errors: [{ field: 'scoreId', problems: ['scoreId must be a UUID or a ULID'] }] });
    }
    const actor = await this.authenticator.authenticate(context);
    const { state } = await this.loadOnce(request, scoreId);
    const shared = this.validShareLink(state, request);
    if (actor === undefined && !shared) throw new ApiError(401, 'SHARE_LINK_INVALID', 'The share link is not valid, revoked or expired');
    // A share link only ever views: it grants viewer on reads, and nothing on a write, whatever role that needs.
    const role = best(await this.actorRole(state, actor), shared && READ_METHODS.has(request.method) ? 'viewer' : null);
    if (!roleSatisfies(role, required)) {
      throw new ApiError(403, 'FORBIDDEN', `This needs the ${required} role on the score`, { required, role });
    }
    return true;
  }

  private loadOnce(request: object, scoreId: string): Promise<LoadedAccess> {
    const cache = perRequest.get(request) ?? new Map<string, Promise<LoadedAccess>>();
    perRequest.set(request, cache);
    const cached = cache.get(scoreId) ?? this.access.load(scoreId);
    cache.set(scoreId, cached);
    return cached;
  }

  /** An API key acts with its owner's role, capped at viewer when it may only read. */
  private async actorRole(state: AccessState, actor: RequestActor | undefined): Promise<AccessRole | null> {
    if (actor === undefined) return null;
    const email = state.ownerId === actor.userId ? '' : ((await this.accounts.active(actor.userId))?.email ?? '');
    const role = roleOf(state, { userId: actor.userId, email });
    const readOnly = actor.kind === 'api-key' && !actor.scopes?.includes('write');
    return readOnly && role !== null ? 'viewer' : role;
  }

  private validShareLink(state: AccessState, request: IdentityRequest): boolean {
    const presented = shareTokenOf(request);
    const token = presented === undefined ? null : splitToken(presented);
    const link = token === null ? undefined : state.shareLinks[token.id];
    if (token === null || link === undefined || link.revokedAt !== null) return false;
    if (link.expiresAt !== null && link.expiresAt <= new Date().toISOString()) return false;
    return sameHash(link.tokenHash, sha256(token.secret));
  }
}

function best(a: AccessRole | null, b: AccessRole | null): AccessRole | null {
  if (a === null || b === null) return a ?? b;
  return roleSatisfies(a, b) ? a : b;
}
