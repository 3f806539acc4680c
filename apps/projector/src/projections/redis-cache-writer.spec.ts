import Redis from 'ioredis';
import { v7 as uuidv7 } from 'uuid';
import { PeopleWorld, scoreIdOf } from '../../test/fixtures/people-world';
import { dropPrefix, REDIS_URL, redisAvailable } from '../../test/fixtures/redis';
import { RedisCacheWriter } from './redis-cache-writer';

const S1 = scoreIdOf(1);

describe('RedisCacheWriter (real Redis)', () => {
  let redis: Redis | undefined;
  let prefix: string;
  let world: PeopleWorld;
  let writer: RedisCacheWriter;

  beforeAll(async () => {
    if (await redisAvailable()) redis = new Redis(REDIS_URL);
    else process.stdout.write(`RedisCacheWriter: skipped (no Redis at ${REDIS_URL})\n`);
  });
  afterAll(async () => {
    await redis?.quit();
  });
  beforeEach(() => {
    prefix = `bandpro:test:${uuidv7()}:`;
    world = new PeopleWorld();
    if (redis) writer = new RedisCacheWriter({ events: world.events, readModels: world.store, redis, prefix, batchSize: 100 });
  });
  afterEach(async () => {
    if (redis) await dropPrefix(redis, prefix);
  });

  const project = async () => {
    await world.catchUp();
    while ((await writer.step()) > 0);
  };
  const json = async (key: string) => JSON.parse((await redis?.get(key)) ?? 'null');
  const generation = async (key: string) => Number((await redis?.get(key)) ?? 0);

  it('should write score metadata for 2 hours, follow its changes, and drop it with the score', async () => {
    if (!redis) return;
    await world.score(S1, 'ann', 'Blue');
    await project();
    expect(await json(writer.keys.scoreMetadata(S1))).toMatchObject({ scoreId: S1, title: 'Blue', ownerId: 'ann' });
    expect(await redis.ttl(writer.keys.scoreMetadata(S1))).toBeGreaterThan(7100);
    expect(await redis.ttl(writer.keys.scoreMetadata(S1))).toBeLessThanOrEqual(7200);
    const before = await generation(writer.keys.scoreGeneration(S1));

    await world.rename(S1, 'Green');
    await project();
    expect(await json(writer.keys.scoreMetadata(S1))).toMatchObject({ title: 'Green' });
    expect(await generation(writer.keys.scoreGeneration(S1))).toBe(before + 1);

    await world.lifecycle(S1, 'ScoreTrashed');
    await world.lifecycle(S1, 'ScorePurged');
    await project();
    expect(await redis.exists(writer.keys.scoreMetadata(S1), writer.keys.scorePeople(S1))).toBe(0);
  });

  it("should bump the generation of every person whose library a change touches, a removed member's too", async () => {
    if (!redis) return;
    await world.register('bob', 'bob@example.com');
    await world.score(S1, 'ann');
    await project();
    const ann = writer.keys.personGeneration('user:ann');
    const bob = writer.keys.personGeneration('user:bob');
    const [annBefore, bobBefore] = [await generation(ann), await generation(bob)];

    await world.invite(S1, 'bob@example.com', 'viewer');
    await project();
    expect([await generation(ann), await generation(bob)]).toEqual([annBefore + 1, bobBefore + 1]);
    expect((await redis.smembers(writer.keys.scorePeople(S1))).sort()).toEqual(['user:ann', 'user:bob']);
    expect(await redis.ttl(bob)).toBeGreaterThan(0);

    await world.remove(S1, { email: 'bob@example.com' }, 'viewer');
    await project();
    expect(await generation(bob)).toBe(bobBefore + 2);
    expect(await redis.smembers(writer.keys.scorePeople(S1))).toEqual(['user:ann']);
  });

  it('should write a profile for an hour when an account registers, without its email, and drop it on erasure', async () => {
    if (!redis) return;
    await world.register('cy', 'cy@example.com');
    await project();
    expect(await json(writer.keys.userProfile('cy'))).toEqual({ userId: 'cy', displayName: 'cy', registeredAt: expect.any(String) });
    expect(await redis.get(writer.keys.userProfile('cy'))).not.toContain('example.com');
    expect(await redis.ttl(writer.keys.userProfile('cy'))).toBeGreaterThan(3500);
    expect(await redis.ttl(writer.keys.userProfile('cy'))).toBeLessThanOrEqual(3600);

    await world.append('account-cy', 'AccountErased', { at: 'now' });
    await project();
    expect(await redis.exists(writer.keys.userProfile('cy'))).toBe(0);
  });

  it('should not run ahead of the read models, and keep its checkpoint alive for a minute', async () => {
    if (!redis) return;
    await world.score(S1, 'ann');
    await world.catchUp();
    await world.rename(S1, 'Not projected yet');
    expect(await writer.step()).toBe(1);
    expect(await writer.step()).toBe(0);
    expect(await redis.get(writer.keys.checkpoint)).toBe('1');
    expect(await redis.ttl(writer.keys.checkpoint)).toBeGreaterThan(50);
    await project();
    expect(await redis.get(writer.keys.checkpoint)).toBe('2');
    expect(await json(writer.keys.scoreMetadata(S1))).toMatchObject({ title: 'Not projected yet' });
  });
});
