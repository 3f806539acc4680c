import { SQLITE_FILE_NAME, SqliteEventStore, SqliteSnapshotStore } from '@bandpro/events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScoreLoader } from '../../infrastructure/score-loader';
import { lifecycleStreamId } from '../lifecycle/score-lifecycle';
import { ScoreCommandExecutor, type ExecuteRequest } from './score-command-executor';

const id = (n: number) => `01a215c5-6c05-7eea-8446-${n.toString(16).padStart(12, '0')}`;
const SCORE = id(1);
const [P1, P2] = [id(2), id(3)];
const [M1, M2] = [id(4), id(5)];
const actor = { id: 'alice', kind: 'user' as const };
let n = 100;

const note = (partId: string, measureId: string) => ({
  type: 'WriteNote',
  data: { partId, staff: 1, measureId, voice: 1, offset: { num: 0, den: 1 }, entryId: id(++n), duration: { type: 'quarter', dots: 0 }, notes: [{ id: id(++n), pitch: { step: 'C', alter: 0, octave: 4 } }] },
});
const request = (commands: ExecuteRequest['commands'], extra: Partial<ExecuteRequest> = {}): ExecuteRequest => ({
  scoreId: SCORE, commands, actor, commandId: `cmd-${++n}`, ...extra,
});

describe('ScoreCommandExecutor on a real SQLite store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let snapshots: SqliteSnapshotStore;
  let executor: ScoreCommandExecutor;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bandpro-executor-'));
    const file = join(dir, SQLITE_FILE_NAME);
    store = new SqliteEventStore({ filename: file });
    snapshots = new SqliteSnapshotStore(file);
    executor = new ScoreCommandExecutor(store, createScoreLoader(store, snapshots, 2));
    const create = { type: 'CreateScore', data: { scoreId: SCORE, title: 'T', parts: [{ partId: P1, instrumentId: 'trumpet-bb' }, { partId: P2, instrumentId: 'trombone' }], measureIds: [M1, M2] } };
    await executor.execute(request([create], { creates: true }));
  });

  afterEach(async () => {
    await store.close();
    await snapshots.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should load, decide and append with the version it loaded', async () => {
    const result = await executor.execute(request([note(P1, M1)], { baseVersion: 1 }));
    expect(result.version).toBe(2);
    expect(result.events.map((e) => e.type)).toContain('NoteWritten');
    expect(await store.streamVersion(SCORE)).toBe(2);
  });

  it('should start the next command from the state its own append led to, reading none of its events back', async () => {
    const loader = createScoreLoader(store, snapshots, 100);
    const roomy = new ScoreCommandExecutor(store, loader);
    await roomy.execute(request([note(P1, M1)]));
    const reads = jest.spyOn(store, 'readStream');

    const result = await roomy.execute(request([note(P2, M2)]));

    expect(reads.mock.calls.filter(([streamId]) => streamId === SCORE)).toEqual([]);
    expect(result.version).toBe(3);
    const { state } = await createScoreLoader(store, snapshots, 100).load(SCORE);
    expect((await loader.load(SCORE)).state).toEqual(state);
  });

  it('should append nothing when the command changes nothing', async () => {
    const head = await store.headPosition();
    expect(await executor.execute(request([{ type: 'SetRehearsalMark', data: { measureId: M1, text: null } }]))).toEqual({ version: 1, events: [] });
    expect(await store.headPosition()).toBe(head);
  });

  it('should accept a stale command elsewhere and refuse one on a region that moved', async () => {
    await executor.execute(request([note(P1, M1)]));
    expect((await executor.execute(request([note(P2, M1)], { baseVersion: 1 }))).version).toBe(3);
    await expect(executor.execute(request([note(P1, M1)], { baseVersion: 1 }))).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 3, eventsSince: [expect.objectContaining({ version: 2 }), expect.objectContaining({ version: 3 })] },
    });
  });

  it('should refuse a version the score has not reached', async () => {
    await expect(executor.execute(request([note(P1, M1)], { baseVersion: 9 }))).rejects.toMatchObject({ code: 'VERSION_CONFLICT', status: 409 });
  });

  it('should return the first result to a retry, even after others wrote, and refuse the key for another command', async () => {
    const first = request([note(P1, M2)], { baseVersion: 1 });
    const result = await executor.execute(first);
    await executor.execute(request([note(P2, M2)]));
    expect(await executor.execute(first)).toEqual(result);
    await expect(executor.execute({ ...first, commands: [note(P1, M2)] })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 422 });
  });

  it('should recognise the retry of a create', async () => {
    const create = { type: 'CreateScore', data: { scoreId: id(50), title: 'Again', parts: [{ partId: P1, instrumentId: 'piano' }], measureIds: [M1] } };
    const first = request([create], { scoreId: id(50), creates: true });
    const result = await executor.execute(first);
    expect(await executor.execute(first)).toEqual(result);
    await expect(executor.execute({ ...first, commandId: 'another' })).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('should win a lost append race by starting again from the new state', async () => {
    const racing = new ScoreCommandExecutor(store, createScoreLoader(store, snapshots, 2));
    const outcomes = await Promise.all([executor.execute(request([note(P1, M1)])), racing.execute(request([note(P2, M2)]))]);
    expect(outcomes.map((o) => o.version).sort()).toEqual([2, 3]);
  });

  it('should refuse a batch entirely when one of its commands fails, naming which', async () => {
    const head = await store.headPosition();
    const bad = { type: 'DeleteNote', data: { partId: P1, staff: 1, voice: 1, measureId: M1, entryId: id(999) } };
    await expect(executor.execute(request([note(P1, M1), bad]))).rejects.toMatchObject({ details: expect.objectContaining({ commandIndex: 1 }) });
    expect(await store.headPosition()).toBe(head);
  });

  it('should leave deep shape checks to the domain, whose errors say what is wrong', async () => {
    await expect(executor.execute(request([{ type: 'WriteNote', data: { ...note(P1, M1).data, notes: [null] } }]))).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('should refuse edits to a trashed score', async () => {
    await store.append(lifecycleStreamId(SCORE), [{ type: 'ScoreTrashed', data: { scoreId: SCORE } }], { expectedVersion: 'no_stream', commandId: 'trash', actor });
    await expect(executor.execute(request([note(P1, M1)]))).rejects.toMatchObject({ code: 'SCORE_IN_TRASH' });
  });

  it('should run many commands sent at once to one score one after another, none losing the append race', async () => {
    const marks = Array.from({ length: 30 }, (_, i) => ({ type: 'SetRehearsalMark', data: { measureId: i % 2 ? M1 : M2, text: `R${i}` } }));
    const outcomes = await Promise.all(marks.map((mark) => executor.execute(request([mark]))));
    expect(outcomes.map((o) => o.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    expect(await store.streamVersion(SCORE)).toBe(31);
  });

  it('should go on with the next command on a score after one is refused', async () => {
    const bad = { type: 'DeleteNote', data: { partId: P1, staff: 1, voice: 1, measureId: M1, entryId: id(998) } };
    const [refused, accepted] = await Promise.allSettled([executor.execute(request([bad])), executor.execute(request([note(P1, M1)]))]);
    expect(refused.status).toBe('rejected');
    expect(accepted).toMatchObject({ status: 'fulfilled', value: { version: 2 } });
  });
});
