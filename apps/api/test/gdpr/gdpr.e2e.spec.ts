import Redis from 'ioredis';
import { strFromU8, unzipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import { TEST_PASSWORD, signIn, type User } from '../support/accounts';
import { call, eventually, type HttpResult } from '../support/http';
import { startApi, startProjector, tempDataDir, type RunningApi, type RunningProcess } from '../support/processes';
import { REDIS_URL, redisAvailable } from '../support/redis';
import { idsOf, noteData, type CreatedIds } from '../support/score-fixtures';
import { readModelCollections, scanFiles, scanRedis } from './support/plaintext-scan';

jest.setTimeout(180_000);

/** A Redis database of this suite's own: every key in it is the test's to scan. */
const REDIS_DB = 14;
const tag = randomUUID().slice(0, 8);
/** The person who will be erased: values found nowhere else, with characters that JSON escapes. */
const ZED = {
  email: `zed.plaintext.${tag}@example.org`,
  name: `Zoë "Plaintext" Quist ${tag}`,
  ip: '198.51.100.213',
  userAgent: `ZedBrowser/9.1 (erase-me e2e ${tag})`,
};

describe('export my data and erase me (two API processes and the projector as child processes, SQLite and Redis)', () => {
  const data = tempDataDir();
  const prefix = `bandpro-test-gdpr-${tag}`;
  const cachePrefix = `${prefix}:cache:`;
  const redisUrl = `${REDIS_URL.replace(/\/\d*$/, '')}/${REDIS_DB}`;
  let available = false;
  let api: RunningApi | undefined;
  /** A second API process on the same store and Redis: it must forget the erased person too. */
  let other: RunningApi | undefined;
  let projector: RunningProcess | undefined;
  let bob: User;
  let zed: { userId: string; accessToken: string; apiKey: string };
  let kept: CreatedIds;
  let dropped: CreatedIds;
  let bobs: CreatedIds;

  const url = () => api?.url ?? 'http://api-not-started';
  const asZed = (method: string, path: string, body?: unknown): Promise<HttpResult> =>
    call(url(), method, path, { user: zed, body, headers: { 'user-agent': ZED.userAgent, 'x-forwarded-for': ZED.ip } });
  const asBob = (method: string, path: string, body?: unknown): Promise<HttpResult> => call(url(), method, path, { user: bob, body });
  const asBobOn = (process: RunningApi | undefined) => (method: string, path: string, body?: unknown): Promise<HttpResult> =>
    call(process?.url ?? 'http://api-not-started', method, path, { user: bob, body });
  const createScore = async (as: typeof asZed, title: string): Promise<CreatedIds> => {
    const created = await as('POST', '/api/v1/scores', { title, instrumentIds: ['trumpet-bb'], measureCount: 2 });
    if (created.status !== 201) throw new Error(`create ${title}: ${created.status} ${JSON.stringify(created.body)}`);
    return idsOf(created.body);
  };
  const historyNames = async (as: typeof asZed, score: CreatedIds): Promise<string[]> =>
    (await as('GET', `/api/v1/scores/${score.scoreId}/history`)).body.changes.map((change: { actor: { name: string } }) => change.actor.name);
  const writeNote = (as: typeof asZed, score: CreatedIds) =>
    as('POST', `/api/v1/scores/${score.scoreId}/commands`, { type: 'WriteNote', data: noteData(score.partIds[0] as string, score.measureIds[0] as string, 0) });

  beforeAll(async () => {
    available = await redisAvailable();
    if (!available) {
      process.stdout.write(`GDPR export and erasure: skipped (no Redis at ${REDIS_URL})\n`);
      return;
    }
    const env = { DATA_DIR: data.dir, REDIS_URL: redisUrl, EXPORT_QUEUE_PREFIX: prefix, CACHE_PREFIX: cachePrefix, TRUST_PROXY: 'true', AUDIT_FLUSH_MS: '20', SNAPSHOT_EVERY: '2' };
    [api, other, projector] = await Promise.all([startApi(env), startApi(env), startProjector(env)]);
    bob = await signIn(api.url, 'bob');
    bobs = await createScore(asBob, 'Bob and the pending invitation');
    // Invited before registering: the invitation waits, sealed under the email's own subject.
    expect((await asBob('POST', `/api/v1/scores/${bobs.scoreId}/access/invitations`, { email: ZED.email.toUpperCase(), role: 'editor' })).status).toBe(201);

    const headers = { 'user-agent': ZED.userAgent, 'x-forwarded-for': ZED.ip };
    const registered = await call(api.url, 'POST', '/api/v1/auth/register', { body: { email: ZED.email, displayName: ZED.name, password: TEST_PASSWORD }, headers });
    expect(registered.status).toBe(201);
    const twice = await call(api.url, 'POST', '/api/v1/auth/register', { body: { email: ZED.email, displayName: ZED.name, password: TEST_PASSWORD }, headers });
    expect(twice).toMatchObject({ status: 409, body: { code: 'EMAIL_TAKEN' } });
    const login = await call(api.url, 'POST', '/api/v1/auth/login', { body: { email: ZED.email, password: TEST_PASSWORD }, headers });
    expect(login.status).toBe(200);
    // Refreshing and logging out send no access token: the audit must still know whose address it holds.
    const refreshed = await call(api.url, 'POST', '/api/v1/auth/refresh', { body: { refreshToken: login.body.refreshToken }, headers });
    expect(refreshed.status).toBe(200);
    zed = { userId: registered.body.userId, accessToken: refreshed.body.accessToken, apiKey: '' };
    const second = await call(api.url, 'POST', '/api/v1/auth/login', { body: { email: ZED.email, password: TEST_PASSWORD }, headers });
    expect((await call(api.url, 'POST', '/api/v1/auth/logout', { body: { refreshToken: second.body.refreshToken }, headers })).status).toBe(204);
    expect((await call(api.url, 'POST', '/api/v1/auth/login', { body: { email: ZED.email, password: 'not it at all' }, headers })).status).toBe(401);
    zed.apiKey = (await asZed('POST', '/api/v1/api-keys', { name: `laptop of ${ZED.name}`, scope: 'write' })).body.key;

    kept = await createScore(asZed, 'A tune to hand over');
    dropped = await createScore(asZed, 'A tune to drop');
    for (const score of [kept, dropped, bobs, bobs]) expect((await writeNote(asZed, score)).status).toBe(200);
    expect((await asZed('POST', `/api/v1/scores/${kept.scoreId}/access/invitations`, { email: bob.email, role: 'viewer' })).status).toBe(201);
    await call(api.url, 'POST', `/api/v1/scores/${dropped.scoreId}/commands`, { apiKey: zed.apiKey, headers, body: { type: 'WriteNote', data: noteData(dropped.partIds[0] as string, dropped.measureIds[0] as string, 1) } });
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), other?.stop(), projector?.stop()]);
    data.remove();
    if (!available) return;
    const redis = new Redis(redisUrl);
    const keys = [...(await redis.keys(`${prefix}:*`)), ...(await redis.keys('bandpro:*'))];
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('should keep reads working on sealed data: me, the pending invitation, members, login by email', async () => {
    if (!api) return;
    expect((await asZed('GET', '/api/v1/auth/me')).body).toEqual({ userId: zed.userId, email: ZED.email, displayName: ZED.name });
    const bobsAccess = await asZed('GET', `/api/v1/scores/${bobs.scoreId}/access`);
    expect(bobsAccess.body.invitations).toEqual([{ email: ZED.email, role: 'editor' }]);
    const keptAccess = await asZed('GET', `/api/v1/scores/${kept.scoreId}/access`);
    expect(keptAccess.body).toMatchObject({ ownerId: zed.userId, invitations: [{ email: bob.email, role: 'viewer' }] });
    expect(await historyNames(asZed, bobs)).toEqual(expect.arrayContaining([ZED.name, 'bob']));
    // The other process remembers the name and the opened invitation too.
    expect(await historyNames(asBobOn(other), bobs)).toContain(ZED.name);
    expect((await asBobOn(other)('GET', `/api/v1/scores/${bobs.scoreId}/access`)).body.invitations).toEqual([{ email: ZED.email, role: 'editor' }]);
  });

  it('should export my data as a zip: profile, each score as MusicXML and as events, comments, my audit', async () => {
    if (!api) return;
    const response = await fetch(`${api.url}/api/v1/me/data-export`, { headers: { authorization: `Bearer ${zed.accessToken}`, 'user-agent': ZED.userAgent, 'x-forwarded-for': ZED.ip } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const text = (name: string) => strFromU8(files[name] as Uint8Array);
    const scoreIds = [kept.scoreId, dropped.scoreId, bobs.scoreId].sort();
    expect(Object.keys(files).sort()).toEqual(
      ['audit.ndjson', 'comments.json', 'profile.json', ...scoreIds.flatMap((id) => [`scores/${id}.events.ndjson`, `scores/${id}.musicxml`])].sort(),
    );
    const profile = JSON.parse(text('profile.json'));
    expect(profile).toMatchObject({ userId: zed.userId, email: ZED.email, displayName: ZED.name, scores: { owned: [kept.scoreId, dropped.scoreId].sort(), edited: scoreIds } });
    expect(profile.apiKeys).toEqual([expect.objectContaining({ name: `laptop of ${ZED.name}`, scope: 'write', revokedAt: null })]);
    expect(JSON.stringify(profile)).not.toContain('keyHash');
    expect(text(`scores/${kept.scoreId}.musicxml`)).toContain('<work-title>A tune to hand over</work-title>');
    const events = text(`scores/${bobs.scoreId}.events.ndjson`).trim().split('\n').map((line) => JSON.parse(line));
    expect(events.map((event) => event.version)).toEqual(events.map((_, index) => index + 1));
    expect(events[0]).toMatchObject({ streamId: bobs.scoreId, type: 'ScoreCreated', metadata: { actor: { id: bob.userId } } });
    expect(events.filter((event) => event.metadata.actor.id === zed.userId)).toHaveLength(2);
    expect(JSON.parse(text('comments.json'))).toEqual({ comments: [], note: expect.stringContaining('no comments yet') });
    const audit = text('audit.ndjson').trim().split('\n').map((line) => JSON.parse(line));
    expect(audit.map((record) => record.action)).toEqual(expect.arrayContaining(['auth.registered', 'auth.login', 'auth.refreshed', 'auth.logout', 'api_key.used']));
    expect(audit.every((record) => record.ip === ZED.ip && record.userAgent === ZED.userAgent)).toBe(true);
    expect(await call(url(), 'GET', '/api/v1/me/data-export', { apiKey: zed.apiKey })).toMatchObject({ status: 403, body: { code: 'USER_SESSION_REQUIRED' } });
  });

  it('should refuse an erasure that leaves an owned score undecided, names a wrong password or an impossible transfer, and change nothing', async () => {
    if (!api) return;
    const undecided = await asZed('POST', '/api/v1/me/erase', { password: TEST_PASSWORD, scores: { [kept.scoreId]: { action: 'transfer', to: bob.userId } } });
    expect(undecided).toMatchObject({ status: 400, body: { code: 'ERASE_SCORES_UNDECIDED', details: { missing: [dropped.scoreId] } } });
    const wrongPassword = await asZed('POST', '/api/v1/me/erase', { password: 'guess', scores: {} });
    expect(wrongPassword).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });
    const stranger = await asZed('POST', '/api/v1/me/erase', {
      password: TEST_PASSWORD,
      scores: { [kept.scoreId]: { action: 'delete' }, [dropped.scoreId]: { action: 'transfer', to: bob.userId } },
    });
    expect(stranger).toMatchObject({ status: 400, body: { code: 'ERASE_TRANSFER_REFUSED', details: { scoreId: dropped.scoreId, to: bob.userId } } });
    const malformed = await asZed('POST', '/api/v1/me/erase', { password: TEST_PASSWORD, scores: { [kept.scoreId]: { action: 'give-away' } } });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'ERASE_DECISION_INVALID', details: { scoreId: kept.scoreId } } });
    const byKey = await call(api.url, 'POST', '/api/v1/me/erase', { apiKey: zed.apiKey, body: { password: TEST_PASSWORD, scores: {} } });
    expect(byKey).toMatchObject({ status: 403, body: { code: 'USER_SESSION_REQUIRED' } });
    expect((await asZed('GET', `/api/v1/scores/${kept.scoreId}/access`)).body.ownerId).toBe(zed.userId);
    expect((await asZed('GET', `/api/v1/scores/${dropped.scoreId}`)).status).toBe(200);
  });

  it('should erase me: scores transferred or trashed, credentials revoked, my data unreadable, my email free again', async () => {
    if (!api) return;
    const erased = await asZed('POST', '/api/v1/me/erase', {
      password: TEST_PASSWORD,
      scores: { [kept.scoreId]: { action: 'transfer', to: bob.userId }, [dropped.scoreId]: { action: 'delete' } },
    });
    expect(erased).toMatchObject({ status: 200, body: { userId: zed.userId, transferred: [{ scoreId: kept.scoreId, to: bob.userId }], deleted: [dropped.scoreId] } });

    expect((await asZed('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await call(api.url, 'GET', `/api/v1/scores/${dropped.scoreId}`, { apiKey: zed.apiKey })).status).toBe(401);
    expect((await call(api.url, 'POST', '/api/v1/auth/login', { body: { email: ZED.email, password: TEST_PASSWORD } })).status).toBe(401);
    // The erased person left every access list: the transfer made them an editor of the kept score, Bob had invited their email.
    expect((await asBob('GET', `/api/v1/scores/${kept.scoreId}/access`)).body).toEqual({ ownerId: bob.userId, members: [], invitations: [] });
    expect((await asBob('GET', `/api/v1/scores/${bobs.scoreId}/access`)).body).toEqual({ ownerId: bob.userId, members: [], invitations: [] });
    expect((await asBob('GET', `/api/v1/scores/${dropped.scoreId}`)).status).toBe(403);
    const names = await historyNames(asBob, bobs);
    expect(names).toContain('Someone');
    expect(names).not.toContain(ZED.name);
    // The other process hears of the erasure through Redis a moment later.
    const elsewhere = await eventually(async () => {
      const found = await historyNames(asBobOn(other), bobs);
      return found.includes(ZED.name) ? undefined : found;
    }, 5_000).catch(() => historyNames(asBobOn(other), bobs));
    expect(elsewhere).toContain('Someone');
    expect(elsewhere).not.toContain(ZED.name);
    expect((await asBobOn(other)('GET', `/api/v1/scores/${bobs.scoreId}/access`)).body.invitations).toEqual([]);
  });

  it('should leave no plaintext of the erased person in the event store, read models, snapshots, keys, audit log or Redis', async () => {
    if (!api) return;
    // A later change by someone else, once the projector shows it, means it has read past the erasure.
    const marker = await createScore(asBob, `Marker ${tag}`);
    await eventually(async () => {
      const listed = await asBob('GET', '/api/v1/scores?limit=100');
      return listed.body.items?.some((item: { scoreId: string }) => item.scoreId === marker.scoreId) ? true : undefined;
    }, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const secrets = { email: ZED.email, name: ZED.name, ip: ZED.ip, userAgent: ZED.userAgent };
    const { findings: inFiles, files } = scanFiles(data.dir, secrets);
    process.stdout.write(`GDPR scan: ${files.map((file) => file.slice(data.dir.length + 1)).join(', ')}\n`);
    expect(files.map((file) => file.slice(data.dir.length + 1))).toEqual(expect.arrayContaining(['bandpro.sqlite', 'read-models.sqlite', 'audit.sqlite', 'personal-data-keys.sqlite']));
    expect(readModelCollections(data.dir)).toEqual(expect.arrayContaining(['score-access', 'score-catalogue', 'score-document', 'score-library']));
    const redis = new Redis(redisUrl);
    try {
      const { findings: inRedis, keys } = await scanRedis(redis, secrets);
      // The projector's caches were written (Bob's profile among them), and the erased person's profile is gone.
      expect(await redis.exists(`${cachePrefix}profile:${bob.userId}`)).toBe(1);
      expect(await redis.exists(`${cachePrefix}profile:${zed.userId}`)).toBe(0);
      process.stdout.write(`GDPR scan: ${keys} Redis keys\n`);
      expect(keys).toBeGreaterThan(0);
      expect([...inFiles, ...inRedis]).toEqual([]);
    } finally {
      await redis.quit();
    }
    // The scan is not blind: a title, which is no one's personal data, is found in the log.
    expect(scanFiles(data.dir, { title: `Marker ${tag}` }).findings).toEqual(expect.arrayContaining([expect.objectContaining({ secret: 'title' })]));
  });

  it('should let the erased email register again, as a new account with none of the old access', async () => {
    if (!api) return;
    const again = await call(api.url, 'POST', '/api/v1/auth/register', { body: { email: ZED.email, displayName: 'Zed again', password: TEST_PASSWORD } });
    expect(again.status).toBe(201);
    expect(again.body.userId).not.toBe(zed.userId);
    const login = await call(api.url, 'POST', '/api/v1/auth/login', { body: { email: ZED.email, password: TEST_PASSWORD } });
    expect(login.status).toBe(200);
    expect((await call(api.url, 'GET', `/api/v1/scores/${bobs.scoreId}`, { user: login.body })).status).toBe(403);
  });
});
