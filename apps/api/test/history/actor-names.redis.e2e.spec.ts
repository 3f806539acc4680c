import Redis from 'ioredis';
import { v7 as uuidv7 } from 'uuid';
import { signIn, type User } from '../support/accounts';
import { call } from '../support/http';
import { startApi, startProjector, tempDataDir, type RunningApi, type RunningProcess } from '../support/processes';
import { REDIS_URL, redisAvailable } from '../support/redis';
import { idsOf, noteData, type CreatedIds } from '../support/score-fixtures';

jest.setTimeout(120_000);

/**
 * History names read through the user profiles the projector caches in Redis (issue #3): a fresh API process
 * takes a name from the cached profile before folding the account's stream. The name is sealed in the cache.
 */
describe('history names through the projector\'s profile cache (API and projector as child processes, Redis)', () => {
  const data = tempDataDir();
  const prefix = `bandpro:test:${uuidv7()}`;
  const env = { DATA_DIR: data.dir, REDIS_URL, CACHE_PREFIX: `${prefix}:cache:`, TRASH_PURGE_QUEUE_PREFIX: prefix, EXPORT_QUEUE_PREFIX: prefix };
  const running: (RunningApi | RunningProcess)[] = [];
  let redis: Redis | undefined;
  let available = false;

  beforeAll(async () => {
    available = await redisAvailable();
    if (!available) process.stdout.write(`history names through the profile cache: skipped (no Redis at ${REDIS_URL})\n`);
    else redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await Promise.all(running.map((process) => process.stop()));
    if (redis) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
    data.remove();
  });

  const cachedProfile = async (userId: string): Promise<Record<string, unknown>> => {
    const key = `${prefix}:cache:profile:${userId}`;
    for (let tries = 0; tries < 300; tries++) {
      const raw = await (redis as Redis).get(key);
      if (raw !== null) return JSON.parse(raw) as Record<string, unknown>;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the projector wrote no profile under ${key}`);
  };

  it('should name editors from their cached profile in a process that never looked them up, opening sealed names', async () => {
    if (!available) return;
    const [api, projector] = await Promise.all([startApi(env), startProjector(env)]);
    running.push(api, projector);
    const alice: User = await signIn(api.url, 'alice');
    const bob: User = await signIn(api.url, 'bob');
    const created = await call(api.url, 'POST', '/api/v1/scores', { user: alice, body: { title: 'Names', template: 'jazz-combo', measureCount: 2 } });
    const score: CreatedIds = idsOf(created.body);
    await call(api.url, 'POST', `/api/v1/scores/${score.scoreId}/access/invitations`, { user: alice, body: { email: bob.email, role: 'editor' } });
    await call(api.url, 'POST', `/api/v1/scores/${score.scoreId}/notes`, { user: bob, body: noteData(score.partIds[0] as string, score.measureIds[0] as string, 0) });

    const aliceProfile = await cachedProfile(alice.userId);
    await cachedProfile(bob.userId);
    // The cache holds the name sealed, as the log does: never in plain text.
    expect(JSON.stringify(aliceProfile.displayName)).not.toContain('alice');
    expect(aliceProfile.displayName).toMatchObject({ $pii: expect.any(Object) });
    // What the second process finds in the cache is what it shows (a plain name stands in for a renamed profile).
    await (redis as Redis).set(`${prefix}:cache:profile:${bob.userId}`, JSON.stringify({ userId: bob.userId, displayName: 'Bob, as cached', registeredAt: new Date().toISOString() }));

    const fresh = await startApi(env);
    running.push(fresh);
    const history = await call(fresh.url, 'GET', `/api/v1/scores/${score.scoreId}/history`, { user: alice });
    expect(history.status).toBe(200);
    const names = (history.body.changes as { actor: { name: string } }[]).map((change) => change.actor.name);
    expect(names).toContain('Bob, as cached');
    expect(names).toContain('alice');
  });
});
