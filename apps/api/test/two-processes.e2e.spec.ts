import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { signIn, type User } from './support/accounts';
import { call } from './support/http';
import { REDIS_URL, redisAvailable } from './support/redis';
import { startApi, tempDataDir, type RunningApi } from './support/processes';
import { idsOf, noteData } from './support/score-fixtures';

jest.setTimeout(60_000);

describe('two API processes on one SQLite store', () => {
  const data = tempDataDir();
  let one: RunningApi;
  let two: RunningApi;
  let dave: User;

  beforeAll(async () => {
    [one, two] = await Promise.all([startApi({ DATA_DIR: data.dir }), startApi({ DATA_DIR: data.dir })]);
    dave = await signIn(one.url, 'dave');
  });

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    data.remove();
  });

  it('should let a command on one process be seen, and built upon, through the other', async () => {
    const created = await call(one.url, 'POST', '/api/v1/scores', { user: dave, body: { title: 'Shared', measureCount: 2 } });
    const score = idsOf(created.body);
    const entryId = uuidv7();
    const written = await call(two.url, 'POST', `/api/v1/scores/${score.scoreId}/notes`, {
      user: dave,
      body: { ...noteData(score.partIds[0], score.measureIds[0], 0, entryId), expectedVersion: 1 },
    });
    expect(written.body.version).toBe(2);
    const seen = await call(one.url, 'GET', `/api/v1/scores/${score.scoreId}?version=2`, { user: dave });
    expect(JSON.stringify(seen.body.document)).toContain(entryId);

    // Both processes race for version 3 of the same region: exactly one wins, the other gets a conflict.
    const race = await Promise.all(
      [one, two].map((api, i) =>
        call(api.url, 'POST', `/api/v1/scores/${score.scoreId}/commands`, {
          user: dave,
          body: { type: 'WriteNote', data: noteData(score.partIds[0], score.measureIds[1], i), expectedVersion: 2 },
        }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

describe('the Redis path: shared rate limits and caches across processes', () => {
  const data = tempDataDir();
  let apis: RunningApi[] = [];
  let available = false;

  beforeAll(async () => {
    available = await redisAvailable();
    if (!available) return;
    // Behind TRUST_PROXY each run signs in from an address of its own, so the per-address budget starts fresh.
    const env = { DATA_DIR: data.dir, REDIS_URL, RATE_LIMIT_PER_MINUTE: '6', TRUST_PROXY: 'true' };
    apis = await Promise.all([startApi(env), startApi(env)]);
  });

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    data.remove();
  });

  it('should count one user across both processes and answer 429 with Retry-After', async () => {
    if (!available) return console.warn('Redis not available: skipped (set CI=true to make this a failure)');
    const from = { 'x-forwarded-for': randomAddress() };
    const [user, frank] = [await signIn(apis[0].url, 'erin', from), await signIn(apis[1].url, 'frank', from)];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const api = apis[i % 2];
      // Same address as the sign-in (4 anonymous calls of 6): the budget counted is the user's, not the address's.
      const response = await call(api.url, 'GET', '/api/v1/scores', { user, headers: from });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.body.code).toBe('TOO_MANY_REQUESTS');
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    // Another user still has a budget of their own.
    expect((await call(apis[0].url, 'GET', '/api/v1/scores', { user: frank, headers: from })).status).toBe(200);
  });

  it('should count anonymous and badly signed calls per address', async () => {
    if (!available) return;
    const from = { 'x-forwarded-for': randomAddress() };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(apis[i % 2].url, 'GET', '/api/v1/scores', { headers: from, apiKey: 'nope.nope' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    // Another address is not affected.
    expect((await call(apis[0].url, 'GET', '/api/v1/scores', { headers: { 'x-forwarded-for': randomAddress() } })).status).toBe(401);
  });

  it('should report Redis in the readiness check', async () => {
    if (!available) return;
    const ready = await call(apis[0].url, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.redis).toEqual({ status: 'up', configured: true });
  });
});

/** A benchmarking-range address (198.18.0.0/15), so each run's per-address budget is its own. */
function randomAddress(): string {
  return `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
}
