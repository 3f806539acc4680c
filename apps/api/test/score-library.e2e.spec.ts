import { SqliteEventStore, SQLITE_FILE_NAME } from '@bandpro/events';
import Redis from 'ioredis';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { signIn, type User } from './support/accounts';
import { call, eventually } from './support/http';
import { startApi, startProjector, tempDataDir, type RunningApi, type RunningProcess } from './support/processes';
import { REDIS_URL, redisAvailable } from './support/redis';

jest.setTimeout(90_000);

const titles = (page: { body: { items: { title: string }[] } }) => page.body.items.map((s) => s.title);

/** API and projector as child processes on one DATA_DIR, with Redis when `env` names it. */
function stack(env: () => Record<string, string>) {
  const data = tempDataDir();
  const running: { api?: RunningApi; projector?: RunningProcess; alice?: User; bob?: User } = {};
  beforeAll(async () => {
    const shared = { DATA_DIR: data.dir, ...env() };
    [running.api, running.projector] = await Promise.all([startApi(shared), startProjector(shared)]);
    [running.alice, running.bob] = await Promise.all([signIn(running.api.url, 'alice'), signIn(running.api.url, 'bob')]);
  });
  afterAll(async () => {
    await Promise.all([running.api?.stop(), running.projector?.stop()]);
    data.remove();
  });
  const as = (user: User) => (method: string, path: string, body?: unknown) => call((running.api as RunningApi).url, method, path, { user, body });
  return { data, running, as };
}

describe('a purged score, over HTTP', () => {
  const { data, running, as } = stack(() => ({}));

  it('should answer 404 once purged, refuse the restore with SCORE_PURGED, and drop it from the trash list', async () => {
    const alice = as(running.alice as User);
    const { scoreId } = (await alice('POST', '/api/v1/scores', { title: 'Old demo', measureCount: 1 })).body;
    expect((await alice('POST', `/api/v1/scores/${scoreId}/trash`, {})).status).toBeLessThan(300);
    expect(titles(await alice('GET', '/api/v1/scores?trashed=true'))).toEqual(['Old demo']);

    // What the projector's purge job appends once the score has sat 30 days in the trash.
    const events = new SqliteEventStore({ filename: join(data.dir, SQLITE_FILE_NAME) });
    await events.append(`score-lifecycle-${scoreId}`, [{ type: 'ScorePurged', data: { scoreId, trashedAt: new Date().toISOString() } }], {
      expectedVersion: 1, commandId: `purge-${scoreId}-1`, actor: { id: 'trash-purge', kind: 'system' },
    });
    await events.close();

    expect((await alice('GET', `/api/v1/scores/${scoreId}`)).body).toMatchObject({ code: 'SCORE_NOT_FOUND' });
    expect((await alice('GET', `/api/v1/scores/${scoreId}?version=1`)).body).toMatchObject({ code: 'SCORE_NOT_FOUND' });
    const restore = await alice('POST', `/api/v1/scores/${scoreId}/restore`, {});
    expect(restore).toMatchObject({ status: 409, body: { code: 'SCORE_PURGED' } });
    expect((await alice('POST', `/api/v1/scores/${scoreId}/trash`, {})).body).toMatchObject({ code: 'SCORE_NOT_FOUND' });
    expect((await alice('POST', `/api/v1/scores/${scoreId}/duplicate`, {})).body).toMatchObject({ code: 'SCORE_NOT_FOUND' });
    expect((await alice('POST', `/api/v1/scores/${scoreId}/commands`, { type: 'UpdateScoreInfo', data: { title: 'Back' } })).body).toMatchObject({ code: 'SCORE_NOT_FOUND' });
    expect((await alice('GET', '/api/v1/scores?trashed=true')).body.total).toBe(0);
    await eventually(async () => ((await alice('GET', `/api/v1/scores/${scoreId}/info`)).status === 404 ? true : undefined));
  });
});

describe('the projector-written Redis caches, read through by the API', () => {
  const prefix = `bandpro-e2e-${uuidv7()}`;
  let available = false;
  let redis: Redis | undefined;
  const { running, as } = stack(() => ({ REDIS_URL, CACHE_PREFIX: `${prefix}:cache:`, TRASH_PURGE_QUEUE_PREFIX: prefix, EXPORT_QUEUE_PREFIX: prefix }));

  beforeAll(async () => {
    available = await redisAvailable();
    if (available) redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = (await redis?.keys(`${prefix}*`)) ?? [];
    if (keys.length > 0) await redis?.del(...keys);
    await redis?.quit();
  });

  it("should show a change at once in the lists it concerns, and serve score metadata the projector wrote", async () => {
    if (!available || !redis) return console.warn('Redis not available: skipped (set CI=true to make this a failure)');
    const [alice, bob] = [as(running.alice as User), as(running.bob as User)];
    const { scoreId } = (await alice('POST', '/api/v1/scores', { title: 'Cached', measureCount: 1 })).body;
    expect(titles(await alice('GET', '/api/v1/scores'))).toEqual(['Cached']);
    const metadata = `${prefix}:cache:score-meta:${scoreId}`;
    await eventually(async () => ((await redis?.exists(metadata)) ? true : undefined));
    expect(await redis.ttl(metadata)).toBeGreaterThan(7000);

    expect((await alice('PATCH', `/api/v1/scores/${scoreId}`, { title: 'Renamed' })).status).toBe(200);
    expect(titles(await alice('GET', '/api/v1/scores'))).toEqual(['Renamed']);
    await eventually(async () => ((await alice('GET', `/api/v1/scores/${scoreId}/info`)).body.title === 'Renamed' ? true : undefined));
    expect(JSON.parse((await redis.get(metadata)) ?? '{}')).toMatchObject({ title: 'Renamed' });

    expect((await bob('GET', '/api/v1/scores')).body.total).toBe(0);
    expect((await alice('POST', `/api/v1/scores/${scoreId}/access/invitations`, { email: (running.bob as User).email, role: 'viewer' })).status).toBe(201);
    expect((await bob('GET', '/api/v1/scores')).body.items).toEqual([expect.objectContaining({ scoreId, role: 'viewer', title: 'Renamed' })]);
    expect(Number(await redis.get(`${prefix}:cache:gen:person:user:${(running.bob as User).userId}`))).toBeGreaterThan(0);

    expect((await alice('POST', `/api/v1/scores/${scoreId}/trash`, {})).status).toBeLessThan(300);
    expect((await bob('GET', '/api/v1/scores')).body.total).toBe(0);
    expect(titles(await bob('GET', '/api/v1/scores?trashed=true'))).toEqual(['Renamed']);
    expect(await redis.get(`${prefix}:cache:profile:${(running.bob as User).userId}`)).not.toContain('@');
  });
});
