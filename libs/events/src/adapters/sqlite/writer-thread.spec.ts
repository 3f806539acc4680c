import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, NewEvent } from '../../envelope';
import { IdempotencyConflictError, StoreUnavailableError, WrongExpectedVersionError } from '../../store/errors';
import type { AppendOptions, ExpectedVersion } from '../../store/event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { WriterThread } from './writer-thread';
import { describeError, errorFrom } from './writer-thread-messages';

const actor: Actor = { id: 'u1', kind: 'user' };
let commands = 0;
const options = (expectedVersion: ExpectedVersion, commandId = `t${++commands}`): AppendOptions => ({ expectedVersion, commandId, actor });
const note = (n: number): NewEvent => ({ type: 'NoteAdded', data: { n } });

describe('SqliteEventStore with its writer on a worker thread', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bandpro-writer-thread-'));
    file = join(dir, 'events.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should group concurrent appends into few commits on the thread and read them back on this one', async () => {
    const store = new SqliteEventStore({ filename: file, writerThread: true });

    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => store.append(`s${i}`, [note(i), note(i + 100)], options('no_stream'))));

    expect(results.map((r) => r.nextExpectedVersion)).toEqual(Array(40).fill(2));
    expect(new Set(results.flatMap((r) => r.events.map((e) => e.position))).size).toBe(80);
    expect(results[7].events[1]).toMatchObject({ streamId: 's7', version: 2, type: 'NoteAdded', data: { n: 107 }, metadata: { actor } });
    expect(store.commitStats.appends).toBe(40);
    expect(store.commitStats.commits).toBeLessThan(40);
    expect(await store.headPosition()).toBe(80);
    expect(await store.streamVersion('s7')).toBe(2);
    await store.close();
  });

  it('should see its own append in the same turn, and answer a lost race and a reused commandId with the store errors', async () => {
    const store = new SqliteEventStore({ filename: file, writerThread: true });
    const first = options('no_stream');
    expect(await store.streamVersion('taken')).toBe(0);
    await store.append('taken', [note(1)], first);
    expect(await store.streamVersion('taken')).toBe(1);

    const stale = store.append('taken', [note(2)], options('no_stream'));
    await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(stale).rejects.toMatchObject({ streamId: 'taken', expected: 'no_stream', actual: 1 });
    await expect(store.append('taken', [note(9)], { ...first, expectedVersion: 1 })).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(store.append('taken', [note(1)], first)).resolves.toMatchObject({ duplicate: true, nextExpectedVersion: 1 });
    await store.close();
  });

  it('should answer every append sent before close, then refuse new ones', async () => {
    const store = new SqliteEventStore({ filename: file, writerThread: true });
    const pending = Array.from({ length: 20 }, (_, i) => store.append('seq', [note(i)], options('any')));
    await store.close();

    await expect(Promise.all(pending)).resolves.toHaveLength(20);
    await expect(store.append('seq', [note(99)], options('any'))).rejects.toThrow(/closed/);
    const reopened = new SqliteEventStore({ filename: file });
    expect(await reopened.streamVersion('seq')).toBe(20);
    await reopened.close();
  });

  it('should refuse a writer thread together with functions that cannot cross to it', () => {
    expect(() => new SqliteEventStore({ filename: file, writerThread: true, hooks: { beforeCommit: () => undefined } })).toThrow(TypeError);
    expect(() => new SqliteEventStore({ filename: file, writerThread: true, clock: () => new Date() })).toThrow(TypeError);
  });

  it('should fail every write with StoreUnavailableError when the thread cannot open its file', async () => {
    const notAFile = join(dir, 'a-directory');
    mkdirSync(notAFile);
    const thread = new WriterThread(notAFile);
    const request = { streamId: 's', expectedVersion: 'any' as const, commandId: 'c', events: [{ type: 'T', schemaVersion: 1, json: '{}' }], metadata: { commandId: 'c', correlationId: 'c', causationId: 'c', actor } };

    await expect(thread.write(request)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(thread.write(request)).rejects.toBeInstanceOf(StoreUnavailableError);
    await thread.close();
  });

  it('should carry store errors across as plain data, and anything else as the store failing', () => {
    const race = errorFrom(describeError(new WrongExpectedVersionError('s', 3, 4)));
    expect(race).toBeInstanceOf(WrongExpectedVersionError);
    expect(race).toMatchObject({ streamId: 's', expected: 3, actual: 4 });
    expect(errorFrom(describeError(new IdempotencyConflictError('c1')))).toMatchObject({ commandId: 'c1', code: 'IDEMPOTENCY_CONFLICT' });
    expect(errorFrom(describeError(new StoreUnavailableError('disk full')))).toMatchObject({ code: 'STORE_UNAVAILABLE', message: 'disk full' });
    expect(errorFrom(describeError(new TypeError('boom'))).message).toMatch(/TypeError: boom/);
    expect(errorFrom(describeError('odd'))).toBeInstanceOf(StoreUnavailableError);
  });
});

describe('WriterThread.close', () => {
  it('should terminate a thread that does not stop in time, failing the writes it still owes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bandpro-writer-close-'));
    try {
      const file = join(dir, 'events.sqlite');
      new SqliteEventStore({ filename: file }).close();
      const thread = new WriterThread(file, { groupCommitWindowMs: 0 });
      const request = { streamId: 's', expectedVersion: 'any' as const, commandId: 'c', events: [{ type: 'T', schemaVersion: 1, json: '{}' }], metadata: { commandId: 'c', correlationId: 'c', causationId: 'c', actor } };
      // Sent and closed at once with no grace: the thread is still starting, so the write is still owed.
      const owed = expect(thread.write(request)).rejects.toThrow(/did not stop within 0 ms/);
      await thread.close(0);
      await owed;
      await expect(thread.write(request)).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
