import { InMemoryEventStore } from '@bandpro/events';
import { InMemoryReadModelStore, type ScoreCatalogueEntry } from '@bandpro/read-models';
import Redis from 'ioredis';
import { v7 as uuidv7 } from 'uuid';
import { REDIS_URL, redisAvailable } from '../../../test/support/redis';
import { MemoryCache } from '../../infrastructure/cache/memory-cache';
import { caughtUp } from './caught-up';
import { CheckpointReadCaches, ProjectorReadCaches } from './score-read-caches';

const actor = { id: 'u', kind: 'user' as const };
const entry = (title: string): ScoreCatalogueEntry => ({ scoreId: 's1', title, composer: '', ownerId: 'ann', parts: [], barCount: 1, updatedAt: 'now' });

async function storesAt(position: number, head: number) {
  const events = new InMemoryEventStore();
  for (let i = 0; i < head; i++) await events.append(`st-${i}`, [{ type: 'Thing', data: {} }], { expectedVersion: 'no_stream', commandId: `c${i}`, actor });
  const readModels = new InMemoryReadModelStore();
  const generation = await readModels.beginGeneration('score-library');
  if (position > 0) await readModels.commit('score-library', generation, [], { position, recordedAt: 'then' });
  await readModels.activate('score-library', generation);
  return { events, readModels, generation };
}

describe('caughtUp', () => {
  it('should answer at once when the projection has the head, or when no projector ever built it', async () => {
    const { events, readModels } = await storesAt(2, 2);
    expect(await caughtUp(readModels, events, 'score-library')).toMatchObject({ position: 2 });
    expect(await caughtUp(new InMemoryReadModelStore(), events, 'score-library', { timeoutMs: 10_000 })).toMatchObject({ position: 0 });
  });

  it('should wait for the projection to reach the head the call saw, and give up after its timeout', async () => {
    const { events, readModels, generation } = await storesAt(1, 2);
    setTimeout(() => void readModels.commit('score-library', generation, [], { position: 2, recordedAt: 'now' }), 30);
    expect(await caughtUp(readModels, events, 'score-library', { pollMs: 5 })).toMatchObject({ position: 2 });
    await events.append('st-late', [{ type: 'Thing', data: {} }], { expectedVersion: 'no_stream', commandId: 'late', actor });
    const started = Date.now();
    expect(await caughtUp(readModels, events, 'score-library', { timeoutMs: 50, pollMs: 5 })).toMatchObject({ position: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});

describe('CheckpointReadCaches (no Redis)', () => {
  it("should version a user's results by the library checkpoint and score info by the catalogue's", async () => {
    const { events, readModels } = await storesAt(2, 2);
    const caches = new CheckpointReadCaches(readModels, events, new MemoryCache());
    expect(await caches.libraryVersion()).toBe('c2');
    let loads = 0;
    const load = async () => entry(`v${++loads}`);
    expect(await caches.scoreInfo('s1', load)).toMatchObject({ title: 'v1' });
    expect(await caches.scoreInfo('s1', load)).toMatchObject({ title: 'v1' });
  });
});

describe('ProjectorReadCaches (real Redis)', () => {
  let redis: Redis | undefined;
  let prefix: string;
  let caches: ProjectorReadCaches;
  let head: number;
  const fallback = { libraryVersion: async () => 'fallback', scoreInfo: async () => undefined };

  beforeAll(async () => {
    if (await redisAvailable()) redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    else process.stdout.write(`ProjectorReadCaches: skipped (no Redis at ${REDIS_URL})\n`);
  });
  afterAll(async () => {
    await redis?.quit();
  });
  beforeEach(() => {
    prefix = `bandpro:test:${uuidv7()}:`;
    head = 5;
    if (redis) caches = new ProjectorReadCaches(redis, prefix, { headPosition: async () => head }, fallback, { timeoutMs: 2_000, pollMs: 5 });
  });
  afterEach(async () => {
    const keys = (await redis?.keys(`${prefix}*`)) ?? [];
    if (keys.length > 0) await redis?.del(...keys);
  });

  it('should fall back to read-model versions while no projector writes the caches', async () => {
    if (!redis) return;
    expect(await caches.libraryVersion('ann')).toBe('fallback');
  });

  it("should key results by the user's generation once the projector's checkpoint covers the head", async () => {
    if (!redis) return;
    await redis.set(caches.keys.checkpoint, '5');
    expect(await caches.libraryVersion('ann')).toBe('g0');
    await redis.incr(caches.keys.personGeneration('user:ann'));
    expect(await caches.libraryVersion('ann')).toBe('g1');

    head = 6;
    setTimeout(() => void redis?.multi().incr(caches.keys.personGeneration('user:ann')).set(caches.keys.checkpoint, '6').exec(), 40);
    expect(await caches.libraryVersion('ann')).toBe('g2');
  });

  it('should serve the metadata the projector wrote, and fill a miss for 2 hours unless the score changed meanwhile', async () => {
    if (!redis) return;
    await redis.set(caches.keys.scoreMetadata('s1'), JSON.stringify(entry('Written')));
    expect(await caches.scoreInfo('s1', async () => entry('Read model'))).toMatchObject({ title: 'Written' });

    await redis.del(caches.keys.scoreMetadata('s1'));
    expect(await caches.scoreInfo('s1', async () => entry('Read model'))).toMatchObject({ title: 'Read model' });
    expect(JSON.parse((await redis.get(caches.keys.scoreMetadata('s1'))) ?? '{}')).toMatchObject({ title: 'Read model' });
    expect(await redis.ttl(caches.keys.scoreMetadata('s1'))).toBeGreaterThan(7100);

    await redis.del(caches.keys.scoreMetadata('s1'));
    const changedMeanwhile = async () => {
      await redis?.incr(caches.keys.scoreGeneration('s1'));
      return entry('Stale');
    };
    expect(await caches.scoreInfo('s1', changedMeanwhile)).toMatchObject({ title: 'Stale' });
    expect(await redis.exists(caches.keys.scoreMetadata('s1'))).toBe(0);
  });

  it('should still answer from the read models when Redis fails', async () => {
    if (!redis) return;
    const broken = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const offline = new ProjectorReadCaches(broken, prefix, { headPosition: async () => 1 }, fallback);
    expect(await offline.libraryVersion('ann')).toBe('fallback');
    expect(await offline.scoreInfo('s1', async () => entry('Read model'))).toMatchObject({ title: 'Read model' });
    broken.disconnect();
  });
});
