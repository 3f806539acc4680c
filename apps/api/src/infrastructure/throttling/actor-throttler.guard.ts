import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../../common/auth/auth.decorators';
import { Authenticator } from '../../identity/auth/authenticator';

const MAX_REMEMBERED_KEYS = 10_000;

/**
 * One budget per signed-in user across all their devices; per address for everyone else. Global guards run in
 * module order, which would put this one before authentication: so it authenticates first itself (memoised per
 * request, the AuthenticationGuard gets the same answer). Bad credentials count against the address, and the
 * AuthenticationGuard then refuses them.
 */
@Injectable()
export class ActorThrottlerGuard extends ThrottlerGuard {
  /** Storage keys by route, throttler and tracker: the base class hashes them (SHA-256) on every request. */
  private readonly keys = new Map<string, string>();

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() === 'http') await this.authenticator.authenticate(context).catch(() => undefined);
    return super.canActivate(context);
  }

  protected override generateKey(context: ExecutionContext, suffix: string, name: string): string {
    const plain = `${context.getClass().name}-${context.getHandler().name}-${name}-${suffix}`;
    let key = this.keys.get(plain);
    if (key === undefined) {
      key = super.generateKey(context, suffix, name);
      if (this.keys.size >= MAX_REMEMBERED_KEYS) this.keys.clear();
      this.keys.set(plain, key);
    }
    return key;
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const actor = (req as AuthenticatedRequest).actor;
    return actor ? `actor:${actor.kind}:${actor.userId}` : `ip:${String(req['ip'] ?? 'unknown')}`;
  }
}
