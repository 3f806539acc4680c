import type { EventStore } from '@bandpro/events';
import {
  projectorCacheKeys, SCORE_METADATA_TTL_SECONDS, userPerson, type ProjectorCacheKeys, type ReadModelStore, type ScoreCatalogueEntry,
} from '@bandpro/read-models';
import type { Provider } from '@nestjs/common';
import type Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiConfig } from '../../config/api.config';
import { readThrough, type Cache } from '../../infrastructure/cache/cache.port';
import { API_CONFIG, CACHE, EVENT_STORE, READ_MODEL_STORE, REDIS } from '../../infrastructure/tokens';
import { caughtUp } from './caught-up';
import { SCORE_CATALOGUE_PROJECTION, SCORE_LIBRARY_PROJECTION } from './projections';

export const SCORE_READ_CACHES = Symbol('SCORE_READ_CACHES');

/** What the score queries cache, and under which version. */
export interface ScoreReadCaches {
  /** The version the user's query results are keyed by, once it covers every event appended before the call. */
  libraryVersion(userId: string): Promise<string>;
  /** The score's catalogue row: from the cache, or `load` (the read model) on a miss. */
  scoreInfo(scoreId: string, load: () => Promise<ScoreCatalogueEntry | undefined>): Promise<ScoreCatalogueEntry | undefined>;
}

/** Without the projector's caches: versions are read-model checkpoints, and this process caches by them. */
export class CheckpointReadCaches implements ScoreReadCaches {
  constructor(
    private readonly readModels: ReadModelStore,
    private readonly events: EventStore,
    private readonly cache: Cache,
  ) {}

  async libraryVersion(): Promise<string> {
    return `c${(await caughtUp(this.readModels, this.events, SCORE_LIBRARY_PROJECTION)).position}`;
  }

  async scoreInfo(scoreId: string, load: () => Promise<ScoreCatalogueEntry | undefined>): Promise<ScoreCatalogueEntry | undefined> {
    const { position } = await this.readModels.checkpoint(SCORE_CATALOGUE_PROJECTION);
    return readThrough(this.cache, `score-info:${scoreId}:${position}`, SCORE_METADATA_TTL_SECONDS, load);
  }
}

/** Sets the entry only if nobody bumped the score since the caller read its generation, and never over the projector's. */
const FILL_IF_UNCHANGED = `
if (redis.call('GET', KEYS[2]) or '') == ARGV[3] then return redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2], 'NX') end
return false`;

/**
 * With REDIS_URL: reads through what the projector writes. Score metadata comes from its entry; a
 * miss reads the read model and fills the entry unless the score changed meanwhile. Query results
 * are keyed by the user's generation, which the projector bumps on every change to their library,
 * once its checkpoint covers the head the call saw. When no projector writes (no checkpoint key),
 * versions fall back to the read models' checkpoints.
 */
export class ProjectorReadCaches implements ScoreReadCaches {
  readonly keys: ProjectorCacheKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly events: Pick<EventStore, 'headPosition'>,
    private readonly fallback: ScoreReadCaches,
    private readonly options: { timeoutMs?: number; pollMs?: number } = {},
  ) {
    this.keys = projectorCacheKeys(prefix);
  }

  /** A Redis failure falls back to the read models' versions: the answer stays right, only uncached. */
  async libraryVersion(userId: string): Promise<string> {
    return this.generationOf(userId).catch(() => this.fallback.libraryVersion(userId));
  }

  private async generationOf(userId: string): Promise<string> {
    const head = await this.events.headPosition();
    const deadline = Date.now() + (this.options.timeoutMs ?? 2_000);
    for (;;) {
      const checkpoint = await this.redis.get(this.keys.checkpoint);
      if (checkpoint === null) return this.fallback.libraryVersion(userId);
      if (Number(checkpoint) >= head || Date.now() >= deadline) break;
      await sleep(this.options.pollMs ?? 10);
    }
    return `g${(await this.redis.get(this.keys.personGeneration(userPerson(userId)))) ?? 0}`;
  }

  async scoreInfo(scoreId: string, load: () => Promise<ScoreCatalogueEntry | undefined>): Promise<ScoreCatalogueEntry | undefined> {
    const [cached, generation] = await this.redis.mget(this.keys.scoreMetadata(scoreId), this.keys.scoreGeneration(scoreId)).catch(() => [null, null]);
    if (cached) return JSON.parse(cached) as ScoreCatalogueEntry;
    const entry = await load();
    if (entry) {
      const fill = [JSON.stringify(entry), String(SCORE_METADATA_TTL_SECONDS), generation ?? ''];
      await this.redis.eval(FILL_IF_UNCHANGED, 2, this.keys.scoreMetadata(scoreId), this.keys.scoreGeneration(scoreId), ...fill).catch(() => undefined);
    }
    return entry;
  }
}

export const scoreReadCachesProvider: Provider = {
  provide: SCORE_READ_CACHES,
  inject: [API_CONFIG, REDIS, READ_MODEL_STORE, EVENT_STORE, CACHE],
  useFactory: (config: ApiConfig, redis: Redis | null, readModels: ReadModelStore, events: EventStore, cache: Cache): ScoreReadCaches => {
    const checkpoints = new CheckpointReadCaches(readModels, events, cache);
    return redis ? new ProjectorReadCaches(redis, config.cachePrefix, events, checkpoints) : checkpoints;
  },
};
