import { SqliteEventStore, SQLITE_FILE_NAME } from '@bandpro/events';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { signIn, type User } from './support/accounts';
import { call, eventually } from './support/http';
import { startApi, startProjector, tempDataDir, type RunningApi, type RunningProcess } from './support/processes';
import { idsOf, noteData, type CreatedIds } from './support/score-fixtures';

jest.setTimeout(60_000);

describe('the score life cycle over HTTP (API and projector as child processes)', () => {
  const data = tempDataDir();
  let api: RunningApi;
  let projector: RunningProcess;
  let events: SqliteEventStore;
  let score: CreatedIds;
  let firstEntryId: string;
  let alice: User;
  let bob: User;
  const post = (path: string, body: unknown, headers?: Record<string, string>) => call(api.url, 'POST', path, { user: alice, body, headers });
  const get = (path: string, user: User = alice) => call(api.url, 'GET', path, { user });

  beforeAll(async () => {
    [api, projector] = await Promise.all([startApi({ DATA_DIR: data.dir }), startProjector({ DATA_DIR: data.dir })]);
    events = new SqliteEventStore({ filename: join(data.dir, SQLITE_FILE_NAME) });
    [alice, bob] = await Promise.all([signIn(api.url, 'alice'), signIn(api.url, 'bob')]);
  });

  afterAll(async () => {
    await events?.close();
    await Promise.all([api?.stop(), projector?.stop()]);
    data.remove();
  });

  it('should create a score from a template', async () => {
    const created = await post('/api/v1/scores', { title: 'Blue in Green', composer: 'Miles Davis', template: 'jazz-combo', measureCount: 4 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, events: [{ type: 'ScoreCreated', version: 1 }] });
    score = idsOf(created.body);
    expect(score.partIds).toHaveLength(5);
    expect(score.measureIds).toHaveLength(4);
  });

  it('should write a note and read it back through the read model', async () => {
    const entryId = uuidv7();
    firstEntryId = entryId;
    const written = await post(`/api/v1/scores/${score.scoreId}/notes`, { ...noteData(score.partIds[0], score.measureIds[0], 0, entryId), expectedVersion: 1 });
    expect(written.status).toBe(200);
    expect(written.body.version).toBe(2);
    expect(written.body.events.map((e: { type: string }) => e.type)).toContain('NoteWritten');
    const read = await eventually(async () => {
      const response = await get(`/api/v1/scores/${score.scoreId}`);
      return response.status === 200 && JSON.stringify(response.body).includes(entryId) ? response : undefined;
    });
    expect(read.body).toMatchObject({ scoreId: score.scoreId, trashed: false, document: { title: 'Blue in Green', status: 'active' } });
  });

  it('should accept a stale command whose target nobody touched since, and refuse one whose target moved', async () => {
    const elsewhere = await post(`/api/v1/scores/${score.scoreId}/commands`, { type: 'WriteNote', data: noteData(score.partIds[1], score.measureIds[0], 0) }, { 'If-Match': '"1"' });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.version).toBe(3);

    const head = await events.headPosition();
    const clash = await post(`/api/v1/scores/${score.scoreId}/commands`, { type: 'WriteNote', data: noteData(score.partIds[0], score.measureIds[0], 1) }, { 'If-Match': '"1"' });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 3 } });
    expect(clash.body.details.eventsSince.map((e: { version: number }) => e.version)).toEqual([2, 3]);
    expect(await events.headPosition()).toBe(head);
  });

  it('should return the first result to a retry with the same Idempotency-Key and refuse the key for another request', async () => {
    const key = `retry-${uuidv7()}`;
    const command = { type: 'WriteNote', data: noteData(score.partIds[2], score.measureIds[1], 0), expectedVersion: 3 };
    const first = await post(`/api/v1/scores/${score.scoreId}/commands`, command, { 'Idempotency-Key': key });
    expect(first.status).toBe(200);
    const head = await events.headPosition();

    const retry = await post(`/api/v1/scores/${score.scoreId}/commands`, command, { 'Idempotency-Key': key });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);

    const other = { ...command, data: noteData(score.partIds[3], score.measureIds[1], 0) };
    const reused = await post(`/api/v1/scores/${score.scoreId}/commands`, other, { 'Idempotency-Key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await events.headPosition()).toBe(head);
  });

  it('should apply a batch as one append, or nothing of it when one command fails', async () => {
    const { version } = (await post(`/api/v1/scores/${score.scoreId}/commands`, { type: 'SetRehearsalMark', data: { measureId: score.measureIds[2], text: 'A' } })).body;
    const batch = await post(`/api/v1/scores/${score.scoreId}/batch`, {
      expectedVersion: version,
      commands: [
        { type: 'WriteNote', data: noteData(score.partIds[4], score.measureIds[3], 0) },
        { type: 'SetTempo', data: { measureId: score.measureIds[3], tempo: { bpm: 96, beatUnit: { type: 'quarter', dots: 0 }, text: null } } },
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.body.version).toBeGreaterThan(version + 1);
    const head = await events.headPosition();
    const stored = await events.readAll({ afterPosition: head - batch.body.events.length });
    expect(new Set(stored.map((e) => e.metadata.commandId)).size).toBe(1);

    const failing = await post(`/api/v1/scores/${score.scoreId}/batch`, {
      commands: [
        { type: 'WriteNote', data: noteData(score.partIds[4], score.measureIds[2], 0) },
        { type: 'DeleteNote', data: { partId: score.partIds[4], staff: 1, voice: 1, measureId: score.measureIds[2], entryId: uuidv7() } },
      ],
    });
    expect(failing.status).toBe(404);
    expect(failing.body.details).toMatchObject({ commandIndex: 1 });
    expect(await events.headPosition()).toBe(head);
  });

  it('should travel back in time to an earlier version', async () => {
    const v1 = await get(`/api/v1/scores/${score.scoreId}?version=1`);
    expect(v1.status).toBe(200);
    expect(v1.body.version).toBe(1);
    expect(JSON.stringify(v1.body.document)).not.toContain(firstEntryId);
    expect(JSON.stringify((await get(`/api/v1/scores/${score.scoreId}?version=2`)).body.document)).toContain(firstEntryId);
    expect(v1.body.document.measures[2].rehearsalMark).toBeNull();
    expect((await get(`/api/v1/scores/${score.scoreId}?version=999`)).body.code).toBe('SCORE_VERSION_NOT_FOUND');
  });

  it('should list, search and page through my scores from the catalogue', async () => {
    await post('/api/v1/scores', { title: 'Quartet No. 1', composer: 'Haydn', template: 'string-quartet', measureCount: 2 });
    const listed = await eventually(async () => {
      const response = await get('/api/v1/scores?sort=title&order=asc');
      return response.body.total === 2 ? response : undefined;
    });
    expect(listed.body.items.map((s: { title: string }) => s.title)).toEqual(['Blue in Green', 'Quartet No. 1']);
    expect((await get('/api/v1/scores?q=haydn')).body.items.map((s: { title: string }) => s.title)).toEqual(['Quartet No. 1']);
    expect((await get('/api/v1/scores?instrument=trumpet-bb')).body.items.map((s: { title: string }) => s.title)).toEqual(['Blue in Green']);
    expect((await get('/api/v1/scores?sort=title&limit=1&offset=1')).body).toMatchObject({ total: 2, items: [{ title: 'Quartet No. 1' }] });
    expect((await get('/api/v1/scores', bob)).body.total).toBe(0);
  });

  it('should move a score to the trash, refuse edits there, and restore it', async () => {
    const trashed = await post(`/api/v1/scores/${score.scoreId}/trash`, {});
    expect(trashed.body).toEqual({ scoreId: score.scoreId, trashed: true });
    expect((await post(`/api/v1/scores/${score.scoreId}/trash`, {})).body.code).toBe('SCORE_ALREADY_TRASHED');
    const refused = await post(`/api/v1/scores/${score.scoreId}/commands`, { type: 'SetRehearsalMark', data: { measureId: score.measureIds[0], text: 'B' } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SCORE_IN_TRASH');
    expect((await get('/api/v1/scores?trashed=true')).body.items.map((s: { scoreId: string }) => s.scoreId)).toEqual([score.scoreId]);
    expect((await get('/api/v1/scores')).body.items.map((s: { scoreId: string }) => s.scoreId)).not.toContain(score.scoreId);

    const restored = await post(`/api/v1/scores/${score.scoreId}/restore`, {});
    expect(restored.body).toEqual({ scoreId: score.scoreId, trashed: false });
    expect((await post(`/api/v1/scores/${score.scoreId}/commands`, { type: 'SetRehearsalMark', data: { measureId: score.measureIds[0], text: 'B' } })).status).toBe(200);
  });

  it('should duplicate a score into a new one with the same parts', async () => {
    const copy = await post(`/api/v1/scores/${score.scoreId}/duplicate`, { title: 'My copy' });
    expect(copy.status).toBe(201);
    expect(copy.body.events[0]).toMatchObject({ type: 'ScoreImported', data: { ownerId: alice.userId, title: 'My copy' } });
    expect(copy.body.events[0].data.parts.map((p: { id: string }) => p.id)).toEqual(score.partIds);
    expect(copy.body.scoreId).not.toBe(score.scoreId);
  });

  it('should update the score info through its own route', async () => {
    const updated = await call(api.url, 'PATCH', `/api/v1/scores/${score.scoreId}`, { user: alice, body: { subtitle: 'from Kind of Blue' } });
    expect(updated.status).toBe(200);
    expect(updated.body.events[0].type).toBe('ScoreInfoUpdated');
    const info = await eventually(async () => {
      const response = await get(`/api/v1/scores/${score.scoreId}/info`);
      return response.status === 200 ? response : undefined;
    });
    expect(info.body).toMatchObject({ scoreId: score.scoreId, title: 'Blue in Green', ownerId: alice.userId });
  });

  it('should list a score shared with me, with my role on it, until the owner takes the invitation back', async () => {
    const ids = (page: { body: { items: { scoreId: string; role: string }[] } }) => page.body.items.map((s) => `${s.scoreId}:${s.role}`);
    const invited = await post(`/api/v1/scores/${score.scoreId}/access/invitations`, { email: bob.email.toUpperCase(), role: 'commenter' });
    expect(invited.status).toBe(201);
    expect(ids(await get('/api/v1/scores?q=blue', bob))).toEqual([`${score.scoreId}:commenter`]);
    expect(ids(await get('/api/v1/scores?q=blue'))).toEqual([`${score.scoreId}:owner`]);
    expect((await get('/api/v1/scores?trashed=true', bob)).body.total).toBe(0);

    const removed = await call(api.url, 'DELETE', `/api/v1/scores/${score.scoreId}/access/invitations/${encodeURIComponent(bob.email)}`, { user: alice });
    expect(removed.status).toBeLessThan(300);
    expect((await get('/api/v1/scores', bob)).body.total).toBe(0);
  });
});
