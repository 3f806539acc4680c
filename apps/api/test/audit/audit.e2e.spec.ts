import { fromAuditCsvRow, type AuditRecord } from '@bandpro/audit';
import { createHash, randomUUID } from 'node:crypto';
import { startApi, tempDataDir, type RunningApi } from '../support/processes';
import { TEST_PASSWORD } from '../support/accounts';
import { call } from '../support/http';
import { parseCsv } from './support/csv';
import { ADMIN_EMAIL, as, registerAndLogIn, USER_AGENT } from './support/audit-app';

jest.setTimeout(60_000);

const CLIENT_IP = '203.0.113.9';

describe('the audit log over HTTP (the real API on SQLite, as a child process)', () => {
  const data = tempDataDir();
  let api: RunningApi;
  let admin: { userId: string; accessToken: string };
  let owner: { userId: string; accessToken: string };
  let ownerEmail: string;
  let scoreId: string;
  const audit = async (query: string): Promise<{ records: AuditRecord[]; nextCursor: string | null }> => {
    const response = await as(api.url, admin.accessToken)('GET', `/api/v1/admin/audit?${query}`);
    if (response.status !== 200) throw new Error(`audit query ${query}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    api = await startApi({ DATA_DIR: data.dir, ADMIN_EMAILS: ` Someone@example.com, ${ADMIN_EMAIL.toUpperCase()} `, TRUST_PROXY: 'true', AUDIT_FLUSH_MS: '20' });
    admin = await registerAndLogIn(api.url, ADMIN_EMAIL);
    ownerEmail = `owner-${randomUUID().slice(0, 8)}@example.com`;
    owner = await registerAndLogIn(api.url, ownerEmail, CLIENT_IP);
    const created = await as(api.url, owner.accessToken, CLIENT_IP)('POST', '/api/v1/scores', { title: 'Audited tune', template: 'jazz-combo', measureCount: 2 });
    scoreId = created.body.scoreId;
  });

  afterAll(async () => {
    await api?.stop();
    data.remove();
  });

  it('should record a failed login with no actor and the keyed pseudonym of the email tried, never the email or the password', async () => {
    const wrong = await as(api.url, undefined, CLIENT_IP)('POST', '/api/v1/auth/login', { email: ownerEmail, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    const { records } = await audit('action=auth.login_failed');
    const plainHash = createHash('sha256').update(ownerEmail).digest('hex');
    expect(records).toEqual([
      expect.objectContaining({
        actor: null, ip: CLIENT_IP, userAgent: USER_AGENT, outcome: 'failure', status: 401,
        details: expect.objectContaining({ emailSubject: expect.stringMatching(/^email-[0-9a-f]{64}$/), route: '/api/v1/auth/login' }),
      }),
    ]);
    expect(JSON.stringify(records)).not.toContain('not the password at all');
    expect(JSON.stringify(records)).not.toContain(ownerEmail);
    expect(JSON.stringify(records)).not.toContain(plainHash);
  });

  it('should record a successful login with the account that signed in, its address and user agent', async () => {
    const { records } = await audit(`action=auth.login&actor=${owner.userId}`);
    expect(records).toEqual([expect.objectContaining({ actor: { id: owner.userId, kind: 'user' }, ip: CLIENT_IP, userAgent: USER_AGENT, outcome: 'success', status: 200 })]);
    expect(JSON.stringify(records)).not.toContain(TEST_PASSWORD);
  });

  it('should record a score command with its actor, score, command type and outcome', async () => {
    const post = as(api.url, owner.accessToken, CLIENT_IP);
    const refused = await post('POST', `/api/v1/scores/${scoreId}/commands`, { type: 'SetRehearsalMark', data: { measureId: randomUUID(), text: 'A' } });
    expect(refused.status).toBe(404);
    const { records } = await audit(`action=score.command&score=${scoreId}`);
    expect(records).toEqual([
      expect.objectContaining({
        actor: { id: owner.userId, kind: 'user' }, ip: CLIENT_IP, userAgent: USER_AGENT, scoreId, outcome: 'failure', status: 404,
        details: expect.objectContaining({ method: 'POST', route: '/api/v1/scores/:scoreId/commands', commandTypes: ['SetRehearsalMark'] }),
      }),
    ]);
    expect((await audit(`action=score.created&score=${scoreId}`)).records).toEqual([expect.objectContaining({ outcome: 'success', status: 201 })]);
  });

  it('should record a share and a role change on the score', async () => {
    const post = as(api.url, owner.accessToken, CLIENT_IP);
    expect((await post('POST', `/api/v1/scores/${scoreId}/access/invitations`, { email: 'kim@example.com', role: 'viewer' })).status).toBe(201);
    expect((await post('PATCH', `/api/v1/scores/${scoreId}/access/invitations/kim@example.com`, { role: 'editor' })).status).toBe(200);
    const share = (await audit(`action=access.share&score=${scoreId}`)).records;
    const change = (await audit(`action=access.role_changed&score=${scoreId}`)).records;
    expect(share).toEqual([expect.objectContaining({ actor: { id: owner.userId, kind: 'user' }, ip: CLIENT_IP, userAgent: USER_AGENT, outcome: 'success' })]);
    expect(change).toEqual([expect.objectContaining({ actor: { id: owner.userId, kind: 'user' }, details: expect.objectContaining({ route: '/api/v1/scores/:scoreId/access/invitations/:email' }) })]);
  });

  it('should record an export request with its actor, score and route', async () => {
    const requested = await as(api.url, owner.accessToken, CLIENT_IP)('POST', `/api/v1/scores/${scoreId}/exports`, { formats: ['musicxml'] });
    expect(requested.status).toBe(202);
    expect((await audit(`action=export.requested&score=${scoreId}`)).records).toEqual([
      expect.objectContaining({ actor: { id: owner.userId, kind: 'user' }, ip: CLIENT_IP, outcome: 'success', status: 202, details: expect.objectContaining({ route: '/api/v1/scores/:scoreId/exports' }) }),
    ]);
  });

  it('should record attempts a guard refused: a share by a stranger, a request with a forged API key', async () => {
    const stranger = await registerAndLogIn(api.url, `stranger-${randomUUID().slice(0, 8)}@example.com`);
    const refused = await as(api.url, stranger.accessToken, CLIENT_IP)('POST', `/api/v1/scores/${scoreId}/access/share-links`, {});
    expect(refused.status).toBe(403);
    const forged = await call(api.url, 'GET', '/api/v1/scores', { apiKey: `${randomUUID()}.forged`, headers: { 'user-agent': USER_AGENT } });
    expect(forged.status).toBe(401);
    expect((await audit(`action=access.share&actor=${stranger.userId}`)).records).toEqual([
      expect.objectContaining({ scoreId, ip: CLIENT_IP, outcome: 'failure', status: 403, details: expect.objectContaining({ route: '/api/v1/scores/:scoreId/access/share-links' }) }),
    ]);
    const keyUses = (await audit('action=api_key.used')).records;
    expect(keyUses).toEqual(expect.arrayContaining([expect.objectContaining({ actor: null, outcome: 'failure', status: 401, userAgent: USER_AGENT })]));
  });

  it('should record every request an API key authenticates, reads included', async () => {
    const key = await as(api.url, owner.accessToken)('POST', '/api/v1/api-keys', { name: 'ci', scope: 'read' });
    expect(key.status).toBe(201);
    const listed = await call(api.url, 'GET', '/api/v1/scores', { apiKey: String(key.body.key), headers: { 'user-agent': USER_AGENT } });
    expect(listed.status).toBe(200);
    const { records } = await audit(`action=api_key.used&actor=${key.body.keyId}`);
    expect(records).toEqual([expect.objectContaining({ actor: { id: key.body.keyId, kind: 'api-key' }, outcome: 'success', details: expect.objectContaining({ method: 'GET', userId: owner.userId }) })]);
  });

  it('should filter by actor and time range and page through with cursors, each record once and in order', async () => {
    const all = (await audit(`actor=${owner.userId}&limit=1000`)).records;
    expect(all.length).toBeGreaterThanOrEqual(5);
    const paged: AuditRecord[] = [];
    let cursor: string | null = null;
    do {
      const page: { records: AuditRecord[]; nextCursor: string | null } = await audit(`actor=${owner.userId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.records.length).toBeLessThanOrEqual(2);
      paged.push(...page.records);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(all);
    const [first, second] = all as [AuditRecord, AuditRecord];
    const range = await audit(`actor=${owner.userId}&from=${encodeURIComponent(first.at)}&to=${encodeURIComponent(second.at)}`);
    expect(range.records.every((record) => record.at >= first.at && record.at < second.at)).toBe(true);
    expect(range.records.map((record) => record.id)).toContain(first.id);
  });

  it('should refuse a bad query: a forged cursor, a limit too high, an unknown field', async () => {
    const get = as(api.url, admin.accessToken);
    for (const query of ['cursor=forged', 'limit=5000', 'from=yesterday', 'actorId=x']) {
      expect(await get('GET', `/api/v1/admin/audit?${query}`)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('should export the same records as CSV and as NDJSON, streamed as attachments', async () => {
    const expected = (await audit(`actor=${owner.userId}&limit=1000`)).records;
    const download = (format: string) => fetch(`${api.url}/api/v1/admin/audit/export?format=${format}&actor=${owner.userId}`, { headers: { authorization: `Bearer ${admin.accessToken}` } });
    const csv = await download('csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="bandpro-audit-.+\.csv"$/);
    const [header, ...rows] = parseCsv(await csv.text());
    expect(header?.[0]).toBe('id');
    expect(rows.map(fromAuditCsvRow)).toEqual(expected);
    const ndjson = await download('ndjson');
    expect(ndjson.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await ndjson.text()).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as AuditRecord)).toEqual(expected);
  });

  it('should refuse everyone but an admin signed in as a user, and record what admins read', async () => {
    expect(await as(api.url, owner.accessToken)('GET', '/api/v1/admin/audit')).toMatchObject({ status: 403, body: { code: 'ADMIN_ONLY' } });
    expect(await as(api.url, owner.accessToken)('GET', '/api/v1/admin/audit/export?format=csv')).toMatchObject({ status: 403, body: { code: 'ADMIN_ONLY' } });
    expect((await as(api.url)('GET', '/api/v1/admin/audit')).status).toBe(401);
    const key = await as(api.url, admin.accessToken)('POST', '/api/v1/api-keys', { name: 'admin script', scope: 'read' });
    const byKey = await call(api.url, 'GET', '/api/v1/admin/audit', { apiKey: String(key.body.key) });
    expect(byKey).toMatchObject({ status: 403, body: { code: 'ADMIN_ONLY' } });
    const reads = (await audit(`action=admin.audit_queried&actor=${admin.userId}`)).records;
    expect(reads.length).toBeGreaterThan(0);
  });

  it('should have no route that changes or deletes a record', async () => {
    const [record] = (await audit('limit=1')).records as [AuditRecord];
    const send = as(api.url, admin.accessToken);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/api/v1/admin/audit', `/api/v1/admin/audit/${record.id}`]) {
        expect([404, 405]).toContain((await send(method, path, method === 'DELETE' ? undefined : { action: 'x' })).status);
      }
    }
    expect((await audit(`limit=1`)).records).toEqual([record]);
  });
});
