import { v7 as uuidv7 } from 'uuid';
import { signIn, type User } from '../support/accounts';
import { call } from '../support/http';
import { startApi, tempDataDir, type RunningApi } from '../support/processes';
import { idsOf, noteData, type CreatedIds } from '../support/score-fixtures';

jest.setTimeout(90_000);

interface ChangeView {
  commandId: string;
  fromVersion: number;
  toVersion: number;
  kind: string;
  summary: string;
  actor: { id: string; name: string };
}

describe('time travel over HTTP: history, diff, named versions, undo/redo, restore', () => {
  const data = tempDataDir();
  let api: RunningApi;
  let alice: User;
  let bob: User;
  let carol: User;
  let score: CreatedIds;
  const as = (user: User) => ({
    get: (path: string) => call(api.url, 'GET', `/api/v1/scores/${score.scoreId}${path}`, { user }),
    post: (path: string, body: unknown = {}) => call(api.url, 'POST', `/api/v1/scores/${score.scoreId}${path}`, { user, body }),
    patch: (path: string, body: unknown) => call(api.url, 'PATCH', `/api/v1/scores/${score.scoreId}${path}`, { user, body }),
    delete: (path: string) => call(api.url, 'DELETE', `/api/v1/scores/${score.scoreId}${path}`, { user }),
  });
  const write = (user: User, partIndex: number, bar: number, offset: number, entryId = uuidv7()) =>
    as(user).post('/notes', noteData(score.partIds[partIndex], score.measureIds[bar], offset, entryId));
  /** The latest document, rebuilt from events (no waiting for the projector). */
  const documentAt = async (version?: number) => {
    const head = version ?? (await as(alice).get('/history?limit=1')).body.version;
    return (await as(alice).get(`?version=${head}`)).body.document;
  };
  const entryIdsIn = (document: unknown) => JSON.stringify(document);

  beforeAll(async () => {
    api = await startApi({ DATA_DIR: data.dir });
    [alice, bob, carol] = await Promise.all([signIn(api.url, 'alice'), signIn(api.url, 'bob'), signIn(api.url, 'carol')]);
    const created = await call(api.url, 'POST', '/api/v1/scores', { user: alice, body: { title: 'Time Travel', template: 'jazz-combo', measureCount: 4 } });
    score = idsOf(created.body);
    const invited = await as(alice).post('/access/invitations', { email: bob.email, role: 'editor' });
    expect(invited.status).toBeLessThan(300);
    await as(alice).post('/access/invitations', { email: carol.email, role: 'viewer' });
  });

  afterAll(async () => {
    await api?.stop();
    data.remove();
  });

  describe('the history', () => {
    it('should list every change newest first with who made it and a readable summary, in English and Chinese', async () => {
      await write(alice, 0, 0, 0);
      await write(bob, 1, 1, 0);

      const page = await as(carol).get('/history');
      expect(page.status).toBe(200);
      const [newest, middle, first] = page.body.changes as ChangeView[];
      expect([newest.actor.name, middle.actor.name, first.actor.name]).toEqual(['bob', 'alice', 'alice']);
      expect(first.fromVersion).toBe(1);
      expect(newest.summary).toMatch(/^bob /);
      expect(newest.summary).toMatch(/bar 2/);
      const chinese = await as(carol).get('/history?locale=zh-Hant');
      expect(chinese.body.changes[0].summary).not.toBe(newest.summary);
      expect(chinese.body.changes[0].summary).toMatch(/[\u4e00-\u9fff]/);
    });

    it('should page backwards by version without gaps or overlaps', async () => {
      const all = (await as(alice).get('/history?limit=200')).body.changes as ChangeView[];
      const first = await as(alice).get('/history?limit=2');
      const second = await as(alice).get(`/history?limit=2&before=${first.body.nextBefore}`);

      expect([...first.body.changes, ...second.body.changes].map((c: ChangeView) => c.commandId)).toEqual(all.slice(0, 4).map((c) => c.commandId));
      expect((await as(alice).get('/history?limit=0')).body.code).toBe('VALIDATION_FAILED');
    });

    it('should refuse strangers and unknown scores', async () => {
      const stranger = await signIn(api.url, 'dave');
      expect((await as(stranger).get('/history')).status).toBe(403);
      expect((await call(api.url, 'GET', `/api/v1/scores/${uuidv7()}/history`, { user: alice })).status).toBe(404);
    });
  });

  describe('the diff', () => {
    it('should show the bars and notes that changed between two versions, with before and after', async () => {
      const head = (await as(alice).get('/history?limit=1')).body.version;
      const diff = await as(carol).get(`/diff?from=1&to=${head}`);

      expect(diff.status).toBe(200);
      expect(diff.body.diff.empty).toBe(false);
      const bars = diff.body.diff.bars.map((b: { measureId: string }) => b.measureId);
      expect(bars).toEqual(expect.arrayContaining([score.measureIds[0], score.measureIds[1]]));
      expect((await as(carol).get(`/diff?from=${head}&to=${head}`)).body.diff.empty).toBe(true);
    });

    it('should refuse a version the score does not have', async () => {
      const diff = await as(carol).get('/diff?from=1&to=9999');
      expect(diff).toMatchObject({ status: 404, body: { code: 'SCORE_VERSION_NOT_FOUND' } });
      expect((await as(carol).get('/diff?from=x&to=1')).status).toBe(400);
    });
  });

  describe('named versions', () => {
    it('should name, list, rename and remove a version; names are unique and viewers cannot name', async () => {
      const tagId = uuidv7();
      const tagged = await as(bob).post('/versions', { tagId, name: 'First draft', version: 2 });
      expect(tagged.status).toBe(201);
      expect(tagged.body).toMatchObject({ tagId, name: 'First draft', version: 2 });
      expect((await as(alice).post('/versions', { tagId: uuidv7(), name: 'first DRAFT', version: 1 })).body.code).toBe('TAG_NAME_TAKEN');
      expect((await as(alice).post('/versions', { tagId: uuidv7(), name: 'Future', version: 999 })).body.code).toBe('SCORE_VERSION_NOT_FOUND');
      expect((await as(carol).post('/versions', { tagId: uuidv7(), name: 'Mine', version: 1 })).status).toBe(403);

      expect((await as(alice).patch(`/versions/${tagId}`, { name: 'Sent to print' })).body.name).toBe('Sent to print');
      expect((await as(carol).get('/versions')).body).toEqual([expect.objectContaining({ tagId, name: 'Sent to print', version: 2 })]);
      expect((await as(alice).delete(`/versions/${tagId}`)).status).toBe(204);
      expect((await as(carol).get('/versions')).body).toEqual([]);
      expect((await as(alice).delete(`/versions/${tagId}`)).body.code).toBe('TAG_NOT_FOUND');
    });
  });

  describe('per-user undo and redo', () => {
    it("should undo my last change while keeping someone else's later change, then redo it", async () => {
      const mine = uuidv7();
      const theirs = uuidv7();
      await write(alice, 2, 2, 0, mine);
      await write(bob, 3, 3, 0, theirs);

      const undone = await as(alice).post('/undo');
      expect(undone.status).toBe(200);
      let document = entryIdsIn(await documentAt(undone.body.version));
      expect(document).not.toContain(mine);
      expect(document).toContain(theirs);
      const history = (await as(alice).get('/history?limit=1')).body.changes as ChangeView[];
      expect(history[0]).toMatchObject({ kind: 'undo', actor: { name: 'alice' } });

      const redone = await as(alice).post('/redo');
      expect(redone.status).toBe(200);
      document = entryIdsIn(await documentAt(redone.body.version));
      expect(document).toContain(mine);
      expect(document).toContain(theirs);
    });

    it('should refuse an undo that clashes with a later change by someone else, saying what clashes', async () => {
      const entryId = uuidv7();
      const written = await write(alice, 4, 3, 1, entryId);
      const { inserted } = written.body.events.find((e: { type: string }) => e.type === 'NoteWritten').data;
      const noteId = inserted.find((entry: { id: string }) => entry.id === entryId).notes[0].id;
      const changed = await as(bob).post('/commands', {
        type: 'ChangePitch',
        data: { partId: score.partIds[4], staff: 1, measureId: score.measureIds[3], voice: 1, entryId, noteId, pitch: { step: 'E', alter: 0, octave: 4 } },
      });
      expect(changed.status).toBe(200);

      const undo = await as(alice).post('/undo');
      expect(undo.status).toBe(409);
      expect(undo.body.code).toBe('UNDO_CONFLICT');
      expect(JSON.stringify(undo.body.details)).toContain(bob.userId);
    });

    it('should say there is nothing to undo or redo for someone who made no change', async () => {
      const fresh = await signIn(api.url, 'erin');
      await as(alice).post('/access/invitations', { email: fresh.email, role: 'editor' });
      expect((await as(fresh).post('/undo')).body.code).toBe('NOTHING_TO_UNDO');
      expect((await as(fresh).post('/redo')).body.code).toBe('NOTHING_TO_REDO');
      expect((await as(carol).post('/undo')).status).toBe(403);
    });

    it("should never undo the score's creation: a new score has nothing to undo for its owner", async () => {
      const created = await call(api.url, 'POST', '/api/v1/scores', { user: bob, body: { title: 'Fresh', measureCount: 1 } });
      const undo = await call(api.url, 'POST', `/api/v1/scores/${created.body.scoreId}/undo`, { user: bob, body: {} });
      expect(undo.body.code).toBe('NOTHING_TO_UNDO');
    });
  });

  describe('restore', () => {
    it('should bring the whole score back to an earlier version as a new change, keeping the history', async () => {
      const before = (await as(alice).get('/history?limit=1')).body.version;
      const restored = await as(alice).post('/history/restore', { version: 1 });

      expect(restored.status).toBe(200);
      expect(restored.body.version).toBeGreaterThan(before);
      const [now, then] = await Promise.all([documentAt(restored.body.version), documentAt(1)]);
      expect(now).toEqual(then);
      const diff = await as(alice).get(`/diff?from=1&to=${restored.body.version}`);
      expect(diff.body.diff.empty).toBe(true);
      expect((await as(alice).get(`?version=${before}`)).status).toBe(200);
    });

    it('should restore one part only, or a range of bars only', async () => {
      const v = (await as(alice).get('/history?limit=1')).body.version;
      const inPart0 = uuidv7();
      const inPart1 = uuidv7();
      await write(alice, 0, 0, 0, inPart0);
      await write(alice, 1, 2, 0, inPart1);

      const part = await as(alice).post('/history/restore', { version: v, partId: score.partIds[0] });
      expect(part.status).toBe(200);
      let document = entryIdsIn(await documentAt(part.body.version));
      expect(document).not.toContain(inPart0);
      expect(document).toContain(inPart1);

      const bars = await as(alice).post('/history/restore', { version: v, fromMeasureId: score.measureIds[2], toMeasureId: score.measureIds[3] });
      expect(bars.status).toBe(200);
      document = entryIdsIn(await documentAt(bars.body.version));
      expect(document).not.toContain(inPart1);
    });

    it('should refuse a half-given range, a part and a range together, and a future version', async () => {
      expect((await as(alice).post('/history/restore', { version: 1, fromMeasureId: score.measureIds[0] })).body.code).toBe('RESTORE_SCOPE_INVALID');
      expect((await as(alice).post('/history/restore', { version: 1, partId: score.partIds[0], fromMeasureId: 'a', toMeasureId: 'b' })).body.code).toBe('RESTORE_SCOPE_INVALID');
      expect((await as(alice).post('/history/restore', { version: 99999 })).body.code).toBe('SCORE_VERSION_NOT_FOUND');
      expect((await as(alice).post('/history/restore', { version: 0 })).body.code).toBe('VALIDATION_FAILED');
      expect((await as(carol).post('/history/restore', { version: 1 })).status).toBe(403);
    });
  });
});
