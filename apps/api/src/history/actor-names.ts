import { Inject, Injectable, Optional } from '@nestjs/common';
import { isSealedValue } from '@bandpro/events';
import type { HistoryActor } from '@bandpro/history';
import { projectorCacheKeys, type CachedUserProfile, type ProjectorCacheKeys } from '@bandpro/read-models';
import type Redis from 'ioredis';
import type { ApiConfig } from '../config/api.config';
import type { PersonalData } from '../gdpr/personal-data/personal-data';
import { PERSONAL_DATA } from '../gdpr/personal-data/sealing-event-store';
import { AccountStore } from '../identity/account.store';
import { API_CONFIG, REDIS } from '../infrastructure/tokens';

/**
 * Display names for history lines, looked up once per user per process (names rarely change; a stale one is
 * harmless). With REDIS_URL the first look-up reads the user's profile the projector caches (1 h; the name is
 * sealed there as in the log, and opened here), and only a miss folds the account's stream. An erased person's
 * name is dropped at once (contract G9): their lines then read "Someone", and their key is gone, so a cached
 * profile opens to nothing.
 */
@Injectable()
export class ActorNames {
  private readonly names = new Map<string, Promise<string>>();
  private readonly keys: ProjectorCacheKeys;

  constructor(
    private readonly accounts: AccountStore,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
    @Inject(API_CONFIG) config: ApiConfig,
    @Optional() @Inject(REDIS) private readonly redis: Redis | null = null,
  ) {
    this.keys = projectorCacheKeys(config.cachePrefix);
    personalData.onErased((subject) => this.names.delete(`user:${subject}`));
  }

  nameOf(actor: HistoryActor): Promise<string> {
    if (actor.kind === 'system') return Promise.resolve('BandPro');
    const key = `${actor.kind}:${actor.id}`;
    let name = this.names.get(key);
    if (!name) {
      name = this.lookUp(actor);
      this.names.set(key, name);
    }
    return name;
  }

  private async lookUp(actor: HistoryActor): Promise<string> {
    if (actor.kind === 'api-key') return `API key ${actor.id.slice(0, 8)}`;
    const cached = await this.cachedName(actor.id);
    if (cached !== undefined) return cached;
    const account = await this.accounts.active(actor.id).catch(() => null);
    // An erased or unknown account keeps its place in history without a name.
    return account?.displayName ?? 'Someone';
  }

  /** The name in the projector's cached profile; undefined without Redis, on a miss, or when it does not open. */
  private async cachedName(userId: string): Promise<string | undefined> {
    if (!this.redis) return undefined;
    const raw = await this.redis.get(this.keys.userProfile(userId)).catch(() => null);
    if (raw === null) return undefined;
    const { displayName } = JSON.parse(raw) as CachedUserProfile;
    if (typeof displayName === 'string') return displayName;
    return isSealedValue(displayName) ? this.personalData.open(displayName).catch(() => undefined) : undefined;
  }
}
