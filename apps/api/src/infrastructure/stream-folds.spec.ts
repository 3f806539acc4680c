import { SqliteEventStore, type EventStore } from '@bandpro/events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { StreamFolds, type Fold } from './stream-folds';

type Added = { type: 'Added'; data: { n: number } };
const sum: Fold<{ total: number; seen: number }, Added> = {
  initial: () => ({ total: 0, seen: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.n, seen: state.seen + 1 }),
};

describe('StreamFolds', () => {
  let dir: string;
  let writer: EventStore;
  let reader: EventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folds-'));
    // Two connections to one file, as two API processes would have.
    writer = new SqliteEventStore({ filename: join(dir, 'events.db') });
    reader = new SqliteEventStore({ filename: join(dir, 'events.db') });
  });

  afterEach(async () => {
    await Promise.all([writer.close(), reader.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const add = (streamId: string, ...ns: number[]) =>
    writer.append(streamId, ns.map((n) => ({ type: 'Added', data: { n } })), { expectedVersion: 'any', commandId: randomUUID(), actor: { id: 'u', kind: 'user' } });

  it('should fold a stream and see what another connection appended since, reading only the new events', async () => {
    const folds = new StreamFolds(reader);
    await add('s-1', 1, 2);
    expect(await folds.load('s-1', sum)).toEqual({ state: { total: 3, seen: 2 }, version: 2 });

    const reads = jest.spyOn(reader, 'readStream');
    await add('s-1', 10);
    expect(await folds.load('s-1', sum)).toEqual({ state: { total: 13, seen: 3 }, version: 3 });
    expect(reads).toHaveBeenCalledWith('s-1', { fromVersion: 3 });

    reads.mockClear();
    expect(await folds.load('s-1', sum)).toEqual({ state: { total: 13, seen: 3 }, version: 3 });
    expect(reads).not.toHaveBeenCalled();
  });

  it('should give the initial state at version 0 for a stream that does not exist', async () => {
    expect(await new StreamFolds(reader).load('nothing', sum)).toEqual({ state: { total: 0, seen: 0 }, version: 0 });
  });

  it('should keep separate folds under separate keys of one stream', async () => {
    const folds = new StreamFolds(reader);
    await add('s-2', 5);
    const doubled: Fold<{ total: number; seen: number }, Added> = { ...sum, initial: () => ({ total: 100, seen: 0 }) };
    expect((await folds.load('s-2', sum, 'a')).state.total).toBe(5);
    expect((await folds.load('s-2', doubled, 'b')).state.total).toBe(105);
    expect((await folds.load('s-2', sum, 'a')).state.total).toBe(5);
  });

  it('should forget the least recently used stream beyond its size, and everything when cleared', async () => {
    const folds = new StreamFolds(reader, 2);
    for (const id of ['x', 'y', 'z']) await add(id, 1);
    await folds.load('x', sum);
    await folds.load('y', sum);
    await folds.load('x', sum); // x is now the most recent; y the least
    await folds.load('z', sum);
    const reads = jest.spyOn(reader, 'readStream');
    await folds.load('x', sum);
    expect(reads).not.toHaveBeenCalled();
    await folds.load('y', sum);
    expect(reads).toHaveBeenCalledWith('y', { fromVersion: 1 });

    reads.mockClear();
    folds.clear();
    await folds.load('y', sum);
    expect(reads).toHaveBeenCalledWith('y', { fromVersion: 1 });
  });
});
