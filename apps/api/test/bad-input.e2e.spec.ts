import { SqliteEventStore, SQLITE_FILE_NAME } from '@bandpro/events';
import { join } from 'node:path';
import { signIn, type User } from './support/accounts';
import { call } from './support/http';
import { startApi, tempDataDir, type RunningApi } from './support/processes';
import { idsOf, noteData, type CreatedIds } from './support/score-fixtures';

jest.setTimeout(60_000);

describe('bad input is refused with a code and appends nothing', () => {
  const data = tempDataDir();
  let api: RunningApi;
  let events: SqliteEventStore;
  let score: CreatedIds;
  let head: number;
  let carol: User;
  const post = (path: string, body: unknown, headers?: Record<string, string>) => call(api.url, 'POST', path, { user: carol, body, headers });
  const commandsOf = () => `/api/v1/scores/${score.scoreId}/commands`;

  beforeAll(async () => {
    api = await startApi({ DATA_DIR: data.dir, BODY_LIMIT: '64kb' });
    events = new SqliteEventStore({ filename: join(data.dir, SQLITE_FILE_NAME) });
    carol = await signIn(api.url, 'carol');
    score = idsOf((await post('/api/v1/scores', { title: 'Target', measureCount: 2 })).body);
  });

  beforeEach(async () => {
    head = await events.headPosition();
  });

  afterEach(async () => {
    expect(await events.headPosition()).toBe(head);
  });

  afterAll(async () => {
    await events?.close();
    await api?.stop();
    data.remove();
  });

  it('should refuse unknown fields at the top level and inside command data', async () => {
    const top = await post('/api/v1/scores', { title: 'x', isAdmin: true });
    expect(top).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const inner = await post(commandsOf(), { type: 'SetRehearsalMark', data: { measureId: score.measureIds[0], text: 'A', extra: 1 } });
    expect(inner.status).toBe(400);
    expect(JSON.stringify(inner.body.details)).toContain('data.extra is not a field of this command');
  });

  it('should refuse wrong types', async () => {
    expect((await post('/api/v1/scores', { title: 42 })).body.code).toBe('VALIDATION_FAILED');
    expect((await post('/api/v1/scores', { title: 'x', measureCount: '4' })).body.code).toBe('VALIDATION_FAILED');
    const pitchAsText = { ...noteData(score.partIds[0], score.measureIds[0], 0), notes: 'C4' };
    expect((await post(`/api/v1/scores/${score.scoreId}/notes`, pitchAsText)).status).toBe(400);
    const staffAsObject = await post(commandsOf(), { type: 'DeleteNote', data: { partId: score.partIds[0], staff: {}, voice: 1, measureId: score.measureIds[0], entryId: 'x' } });
    expect(staffAsObject.status).toBe(400);
    expect((await post(commandsOf(), { type: 'DropDatabase', data: {} })).body.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['a top-level field', () => ({ title: { $gt: '' } }), '/api/v1/scores'],
    ['a nested command field', () => ({ type: 'SetRehearsalMark', data: { measureId: { $ne: null }, text: 'A' } }), 'commands'],
    ['a deeply nested field', () => ({ type: 'WriteNote', data: { ...noteData(score.partIds[0], score.measureIds[0], 0), offset: { num: { $gt: 0 }, den: 4 } } }), 'commands'],
    ['a batch item', () => ({ commands: [{ type: 'SetRehearsalMark', data: { $where: 'sleep(1000)' } }] }), 'batch'],
  ])('should refuse {"$gt": ""} style operators in %s', async (_, body, where) => {
    const path = where === 'commands' ? commandsOf() : where === 'batch' ? `/api/v1/scores/${score.scoreId}/batch` : where;
    const response = await post(path, body());
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('UNSAFE_INPUT');
  });

  it('should refuse operators in the query string', async () => {
    const response = await call(api.url, 'GET', '/api/v1/scores?q[$ne]=x', { user: carol });
    expect(response.status).toBe(400);
    expect(['UNSAFE_INPUT', 'VALIDATION_FAILED']).toContain(response.body.code);
  });

  it('should refuse a body over the size limit with 413 and the error body', async () => {
    const response = await post('/api/v1/scores', { title: 'x'.repeat(100_000) });
    expect(response).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('should refuse malformed JSON', async () => {
    const response = await call(api.url, 'POST', '/api/v1/scores', { user: carol, rawBody: '{"title": ' });
    expect(response).toMatchObject({ status: 400, body: { code: 'MALFORMED_JSON' } });
  });

  it('should refuse invalid ids in the path and in commands', async () => {
    expect((await post('/api/v1/scores/not-an-id/commands', { type: 'SetRehearsalMark', data: { measureId: score.measureIds[0], text: 'A' } })).body.code).toBe('VALIDATION_FAILED');
    const badEntry = await post(commandsOf(), { type: 'WriteNote', data: noteData(score.partIds[0], score.measureIds[0], 0, 'robert; drop table') });
    expect(badEntry.status).toBe(400);
    expect(badEntry.body.code).toBe('ID_MUST_BE_WELL_FORMED');
  });

  it('should answer unknown scores, measures and routes with 404 and a code', async () => {
    const unknownScore = await post('/api/v1/scores/01a215c5-6c05-7eea-8446-235755f33866/commands', { type: 'SetRehearsalMark', data: { measureId: score.measureIds[0], text: 'A' } });
    expect(unknownScore.status).toBe(404);
    expect((await post(commandsOf(), { type: 'SetRehearsalMark', data: { measureId: '01a215c5-6c05-7eea-8446-235755f33867', text: 'A' } })).status).toBe(404);
    expect((await call(api.url, 'GET', '/api/v1/nothing-here', { user: carol })).body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('should refuse a rule-breaking note with 422 and a stable code', async () => {
    const tooLong = { ...noteData(score.partIds[0], score.measureIds[0], 3), duration: { type: 'whole', dots: 0 } };
    const response = await post(commandsOf(), { type: 'WriteNote', data: tooLong });
    expect(response).toMatchObject({ status: 422, body: { code: 'NOTE_MUST_FIT_IN_MEASURE' } });
  });

  it('should demand a signed-in actor for changes', async () => {
    const response = await call(api.url, 'POST', '/api/v1/scores', { body: { title: 'anonymous' } });
    expect(response).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });

  it('should send strict security headers on every answer', async () => {
    const response = await call(api.url, 'GET', '/health/live');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
