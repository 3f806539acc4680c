import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn, type User } from '../test/support/accounts';
import { call } from '../test/support/http';
import { createApp } from './main';

/**
 * The whole app in this process (the e2e suites run it as a child process, with the projector):
 * wiring, pipes, filter and handlers, on a real SQLite file, with appends written on the writer thread
 * (SQLITE_WRITER_THREAD; the e2e suites run the default). No projector runs here, so the
 * latest-document and catalogue reads answer "not there yet".
 */
describe('the API in process', () => {
  let dir: string;
  let app: NestFastifyApplication;
  let url: string;
  let ivy: User;

  const send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(url, method, path, { user: ivy, body, headers });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bandpro-api-inproc-'));
    ({ app } = await createApp({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dir, SQLITE_WRITER_THREAD: 'true' }));
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    ivy = await signIn(url, 'ivy');
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should refuse to start in production without a JWT secret', async () => {
    await expect(createApp({ NODE_ENV: 'production', DATA_DIR: dir })).rejects.toThrow(/JWT_SECRET/);
  });

  it('should serve health, readiness and the OpenAPI document', async () => {
    expect((await send('GET', '/health/live')).body).toEqual({ status: 'ok' });
    const ready = await send('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.projector.status).toBe('up');
    const page = await send('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger-ui');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const docs = await send('GET', '/api/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/scores', '/api/v1/scores/{scoreId}/commands', '/api/v1/scores/{scoreId}/batch']));
  });

  it('should run a score through create, edit, batch, time travel, duplicate, trash and restore', async () => {
    const created = await send('POST', '/api/v1/scores', { title: 'Chorale', template: 'satb-choir', measureCount: 2 }, { 'Idempotency-Key': 'create-chorale-1' });
    expect(created.status).toBe(201);
    const again = await send('POST', '/api/v1/scores', { title: 'Chorale', template: 'satb-choir', measureCount: 2 }, { 'Idempotency-Key': 'create-chorale-1' });
    expect(again.body).toEqual(created.body);
    const { scoreId } = created.body;
    const [measure] = created.body.events[0].data.measures;

    const info = await send('PATCH', `/api/v1/scores/${scoreId}`, { composer: 'Bach', expectedVersion: 1 });
    expect(info.body.version).toBe(2);
    const batch = await send('POST', `/api/v1/scores/${scoreId}/batch`, {
      commands: [
        { type: 'SetRehearsalMark', data: { measureId: measure.id, text: 'A' } },
        { type: 'SetTempo', data: { measureId: measure.id, tempo: { bpm: 60, beatUnit: { type: 'quarter', dots: 0 }, text: 'Adagio' } } },
      ],
    }, { 'If-Match': '"2"' });
    expect(batch.body.version).toBe(4);

    const past = await send('GET', `/api/v1/scores/${scoreId}?version=2`);
    expect(past.body).toMatchObject({ version: 2, trashed: false, document: { composer: 'Bach', measures: [{ rehearsalMark: null }, {}] } });
    expect((await send('GET', `/api/v1/scores/${scoreId}`)).body.code).toBe('SCORE_NOT_FOUND');
    expect((await send('GET', `/api/v1/scores/${scoreId}/info`)).status).toBe(404);

    const copy = await send('POST', `/api/v1/scores/${scoreId}/duplicate`, {});
    expect(copy.body.events[0].data).toMatchObject({ title: 'Chorale (copy)', composer: 'Bach' });
    expect((await send('POST', '/api/v1/scores/01a215c5-6c05-7eea-8446-000000000999/duplicate', {})).body.code).toBe('SCORE_NOT_FOUND');

    expect((await send('POST', `/api/v1/scores/${scoreId}/trash`, undefined, { 'Idempotency-Key': 'trash-chorale-1' })).body.trashed).toBe(true);
    expect((await send('POST', `/api/v1/scores/${scoreId}/trash`, undefined, { 'Idempotency-Key': 'trash-chorale-1' })).body.trashed).toBe(true);
    expect((await send('POST', `/api/v1/scores/${scoreId}/trash`, undefined, { 'Idempotency-Key': 'trash-chorale-2' })).status).toBe(409);
    expect((await send('GET', `/api/v1/scores/${scoreId}?version=1`)).body.trashed).toBe(true);
    expect((await send('POST', `/api/v1/scores/${scoreId}/restore`)).body.trashed).toBe(false);
    expect((await send('POST', '/api/v1/scores/01a215c5-6c05-7eea-8446-000000000999/trash')).body.code).toBe('SCORE_NOT_FOUND');
    expect((await send('GET', '/api/v1/scores?q=chorale&trashed=false&sort=composer&limit=5&offset=0')).body).toEqual({ items: [], total: 0, limit: 5, offset: 0 });
  });

  it('should write notes through the dedicated and the generic route, and refuse bad input before any append', async () => {
    const created = await send('POST', '/api/v1/scores', { title: 'Solo', instrumentIds: ['trumpet-bb'], measureCount: 1 });
    const { scoreId } = created.body;
    const partId = created.body.events[0].data.parts[0].id;
    const measureId = created.body.events[0].data.measures[0].id;
    const note = (entryId: string, offset: number) => ({
      partId, staff: 1, measureId, voice: 1, offset: { num: offset, den: 4 }, entryId, duration: { type: 'quarter', dots: 0 },
      notes: [{ id: `${entryId.slice(0, -3)}f${entryId.slice(-2)}`, pitch: { step: 'G', alter: 0, octave: 4 } }],
    });
    const dedicated = await send('POST', `/api/v1/scores/${scoreId}/notes`, note('01a215c5-6c05-7eea-8446-000000000101', 0), { 'If-Match': '1' });
    expect(dedicated.body.version).toBe(2);
    const generic = await send('POST', `/api/v1/scores/${scoreId}/commands`, { type: 'WriteNote', data: note('01a215c5-6c05-7eea-8446-000000000102', 1) });
    expect(generic.body.version).toBe(3);

    expect((await send('POST', `/api/v1/scores/${scoreId}/notes`, { ...note('x', 0), velocity: 3 })).body.code).toBe('VALIDATION_FAILED');
    expect((await send('POST', `/api/v1/scores/${scoreId}/notes`, { ...note('x', 0), partId: { $gt: '' } })).body.code).toBe('UNSAFE_INPUT');
    expect((await send('GET', `/api/v1/scores/${scoreId}?version=0`)).body.code).toBe('VALIDATION_FAILED');
    expect((await send('POST', `/api/v1/scores/${scoreId}/commands`, { type: 'RemovePart', data: { partId } }, { 'If-Match': 'nope' })).body.code).toBe('INVALID_IF_MATCH');
    expect((await send('POST', `/api/v1/scores/${scoreId}/commands`, { type: 'RemovePart', data: { partId } }, { 'Idempotency-Key': 'x' })).body.code).toBe('INVALID_IDEMPOTENCY_KEY');
    expect((await send('GET', `/api/v1/scores/${scoreId}?version=3`)).body.version).toBe(3);
  });

  it('should refuse a malformed score id in the path before any store is asked', async () => {
    const response = await send('POST', '/api/v1/scores/not-an-id/duplicate', {});
    expect(response).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { errors: [{ field: 'scoreId' }] } } });
  });
});
