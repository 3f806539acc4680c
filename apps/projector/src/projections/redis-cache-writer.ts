import { SCORE_EVENT_TYPES } from '@bandpro/domain';
import type { EventStore, StoredEvent } from '@bandpro/events';
import {
  CACHE_CHECKPOINT_TTL_SECONDS, CACHE_GENERATION_TTL_SECONDS, libraryScoreDocId, projectorCacheKeys, SCORE_CATALOGUE_COLLECTION, SCORE_LIBRARY_COLLECTION,
  SCORE_METADATA_TTL_SECONDS, USER_PROFILE_TTL_SECONDS,
  userPerson, type CachedUserProfile, type LibraryScoreDoc, type ProjectorCacheKeys, type ReadModelStore, type ScoreCatalogueEntry,
} from '@bandpro/read-models';
import type { ChainableCommander, Redis } from 'ioredis';
import { isLifecycleEvent, lifecycleScoreId } from './lifecycle-events';
import { scoreCatalogueProjection } from './score-catalogue.projection';
import { scoreLibraryProjection } from './score-library.projection';
import { accessScoreId, isAccessEvent, rolesByPerson } from './score-people';

/** Only one projector writes the caches at a time: this lease in the read-model store says which. */
export const CACHE_WRITER_LEASE = 'redis-caches';
const SCORE_TYPES = new Set<string>(SCORE_EVENT_TYPES);

export interface RedisCacheWriterOptions {
  events: EventStore;
  readModels: ReadModelStore;
  redis: Redis;
  prefix: string;
  batchSize: number;
}

/** What a page of events changes in the caches. */
interface Touched {
  scores: Set<string>;
  people: Set<string>;
  profiles: Map<string, CachedUserProfile | null>;
}

/**
 * The caches the API reads through, written as events arrive: each changed score's metadata (its
 * catalogue row, 2 h), each registered user's profile (1 h), and generation counters that the
 * API puts into its query-result keys, bumped for every score and person a change concerns. It
 * follows the feed only as far as the catalogue and the library have applied it, and reads the
 * values from them, so a bumped generation always finds the read models already changed.
 */
export class RedisCacheWriter {
  readonly keys: ProjectorCacheKeys;

  constructor(private readonly options: RedisCacheWriterOptions) {
    this.keys = projectorCacheKeys(options.prefix);
  }

  /** One page; the number of events the caches now reflect beyond where they were. */
  async step(): Promise<number> {
    const { events, readModels, redis, batchSize } = this.options;
    const from = Number((await redis.get(this.keys.checkpoint)) ?? 0);
    const checkpoints = await Promise.all([scoreCatalogueProjection.name, scoreLibraryProjection.name].map((name) => readModels.checkpoint(name)));
    const upTo = Math.min(...checkpoints.map((c) => c.position));
    const page = upTo > from ? (await events.readAll({ afterPosition: from, limit: batchSize })).filter((e) => e.position <= upTo) : [];
    const multi = redis.multi();
    if (page.length > 0) await this.write(multi, touchedBy(page));
    const position = page.length > 0 ? page[page.length - 1].position : from;
    multi.set(this.keys.checkpoint, String(position), 'EX', CACHE_CHECKPOINT_TTL_SECONDS);
    await multi.exec();
    return page.length;
  }

  private async write(multi: ChainableCommander, touched: Touched): Promise<void> {
    for (const scoreId of touched.scores) await this.writeScore(multi, scoreId, touched.people);
    for (const person of touched.people) this.bump(multi, this.keys.personGeneration(person));
    for (const [userId, profile] of touched.profiles) {
      if (profile) multi.set(this.keys.userProfile(userId), JSON.stringify(profile), 'EX', USER_PROFILE_TTL_SECONDS);
      else multi.del(this.keys.userProfile(userId));
    }
  }

  /** The score's metadata as the catalogue has it now; its people before and after are all bumped. */
  private async writeScore(multi: ChainableCommander, scoreId: string, people: Set<string>): Promise<void> {
    const { readModels, redis } = this.options;
    const [row, hub, before] = await Promise.all([
      readModels.get<ScoreCatalogueEntry>(SCORE_CATALOGUE_COLLECTION, scoreId),
      readModels.get<LibraryScoreDoc>(SCORE_LIBRARY_COLLECTION, libraryScoreDocId(scoreId)),
      redis.smembers(this.keys.scorePeople(scoreId)),
    ]);
    if (row) multi.set(this.keys.scoreMetadata(scoreId), JSON.stringify(row), 'EX', SCORE_METADATA_TTL_SECONDS);
    else multi.del(this.keys.scoreMetadata(scoreId));
    this.bump(multi, this.keys.scoreGeneration(scoreId));
    const after = hub?.catalogue ? [...rolesByPerson(hub.access).keys()] : [];
    for (const person of [...before, ...after]) people.add(person);
    multi.del(this.keys.scorePeople(scoreId));
    if (after.length > 0) multi.sadd(this.keys.scorePeople(scoreId), ...after);
  }

  private bump(multi: ChainableCommander, key: string): void {
    multi.incr(key);
    multi.expire(key, CACHE_GENERATION_TTL_SECONDS);
  }
}

function touchedBy(page: readonly StoredEvent[]): Touched {
  const touched: Touched = { scores: new Set(), people: new Set(), profiles: new Map() };
  for (const event of page) {
    if (isAccessEvent(event)) touched.scores.add(accessScoreId(event));
    else if (isLifecycleEvent(event)) touched.scores.add(lifecycleScoreId(event));
    else if (SCORE_TYPES.has(event.type)) touched.scores.add(event.streamId);
    else if (event.type === 'AccountRegistered') {
      const { userId, displayName, at } = event.data as { userId: string; displayName: unknown; at: string };
      touched.profiles.set(userId, { userId, displayName, registeredAt: at });
      touched.people.add(userPerson(userId));
    } else if (event.type === 'AccountErased' && event.streamId.startsWith('account-')) {
      const userId = event.streamId.slice('account-'.length);
      touched.profiles.set(userId, null);
      touched.people.add(userPerson(userId));
    }
  }
  return touched;
}
