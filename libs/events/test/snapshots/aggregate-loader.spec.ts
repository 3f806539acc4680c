import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../src/adapters/sqlite/sqlite-connection';
import { SqliteEventStore } from '../../src/adapters/sqlite/sqlite-event-store';
import { SqliteSnapshotStore } from '../../src/adapters/sqlite/sqlite-snapshot-store';
import { InMemoryEventStore } from '../../src/adapters/memory/in-memory-event-store';
import { InMemorySnapshotStore } from '../../src/adapters/memory/in-memory-snapshot-store';
import type { EventStore } from '../../src/store/event-store.port';
import { AggregateLoader, InvalidSnapshotSettingsError } from '../../src/snapshots/aggregate-loader';
import type { SnapshotStore } from '../../src/snapshots/snapshot-store.port';
import { counterEvents, countingEvolve, expectedCounter, initialCounter, type Counter } from './support/counter-aggregate';

const actor = { id: 'user-1', kind: 'user' as const };
let commandSeq = 0;

async function appendAmounts(store: EventStore, streamId: string, amounts: readonly number[]): Promise<void> {
  // Several appends, so the stream spans commits as real streams do.
  for (let i = 0; i < amounts.length; i += 4) {
    await store.append(streamId, counterEvents(amounts.slice(i, i + 4)), { expectedVersion: 'any', commandId: `c-${++commandSeq}`, actor });
  }
}

function setUp(
  snapshotEvery: number,
  { schemaVersion = 1, snapshots = new InMemorySnapshotStore() as SnapshotStore, store = new InMemoryEventStore() as EventStore } = {},
) {
  const counting = countingEvolve();
  const loader = new AggregateLoader<Counter>({ store, snapshots, initialState: initialCounter, evolve: counting.evolve, snapshotEvery, schemaVersion });
  return { store, snapshots, counting, loader };
}

const amounts = Array.from({ length: 53 }, (_, i) => (i % 3 === 0 ? -(i + 1) : i + 1));

describe('AggregateLoader', () => {
  it('should replay at most N events to load any version once the snapshots exist', async () => {
    const { store, counting, loader } = setUp(10);
    await appendAmounts(store, 'counter-1', amounts);
    await loader.load('counter-1');

    for (let version = 0; version <= amounts.length; version++) {
      counting.reset();
      const loaded = await loader.load('counter-1', { version });
      expect(loaded).toEqual({ state: expectedCounter(amounts, version), version });
      expect(counting.calls()).toBeLessThan(10);
    }
  });

  it('should write the snapshots it passes at multiples of N', async () => {
    const { store, snapshots, counting, loader } = setUp(10);
    await appendAmounts(store, 'counter-1', amounts);

    expect(await loader.load('counter-1', { version: 37 })).toEqual({ state: expectedCounter(amounts, 37), version: 37 });
    expect(counting.calls()).toBe(37);
    for (const version of [10, 20, 30]) {
      const snapshot = await snapshots.loadLatest('counter-1', { atOrBelowVersion: version, schemaVersion: 1 });
      expect(snapshot).toEqual({ streamId: 'counter-1', version, schemaVersion: 1, state: expectedCounter(amounts, version) });
    }
    expect((await snapshots.loadLatest('counter-1', { schemaVersion: 1 }))?.version).toBe(30);
  });

  it('should replay only the events appended since the newest snapshot', async () => {
    const { store, counting, loader } = setUp(10);
    await appendAmounts(store, 'counter-1', amounts.slice(0, 25));
    await loader.load('counter-1');
    await appendAmounts(store, 'counter-1', amounts.slice(25));

    counting.reset();
    expect(await loader.load('counter-1')).toEqual({ state: expectedCounter(amounts, 53), version: 53 });
    expect(counting.calls()).toBe(53 - 20);
  });

  it('should ignore snapshots of another schema version and rebuild its own', async () => {
    const { store, snapshots, counting, loader } = setUp(10, { schemaVersion: 2 });
    await appendAmounts(store, 'counter-1', amounts);
    // What a loader of the previous state shape left behind: wrong for today's code.
    await snapshots.save({ streamId: 'counter-1', version: 50, schemaVersion: 1, state: { sum: -1 } });

    expect(await loader.load('counter-1')).toEqual({ state: expectedCounter(amounts, 53), version: 53 });
    expect(counting.calls()).toBe(53);
    expect((await snapshots.loadLatest('counter-1', { schemaVersion: 2 }))?.version).toBe(50);
  });

  it('should rebuild the same state after its snapshots are deleted', async () => {
    const { store, snapshots, counting, loader } = setUp(10);
    await appendAmounts(store, 'counter-1', amounts);
    const before = await loader.load('counter-1');

    await snapshots.deleteStream('counter-1');
    counting.reset();

    expect(await loader.load('counter-1')).toEqual(before);
    expect(counting.calls()).toBe(53);
  });

  it('should give the initial state at version 0 for a stream that does not exist', async () => {
    const { loader, counting } = setUp(10);

    expect(await loader.load('nobody')).toEqual({ state: initialCounter(), version: 0 });
    expect(counting.calls()).toBe(0);
  });

  it('should stop at the last version when asked for a version beyond the stream', async () => {
    const { store, loader } = setUp(10);
    await appendAmounts(store, 'counter-1', amounts.slice(0, 12));

    expect(await loader.load('counter-1', { version: 99 })).toEqual({ state: expectedCounter(amounts, 12), version: 12 });
  });

  it('should refuse settings that would break the replay bound', () => {
    const store = new InMemoryEventStore();
    const snapshots = new InMemorySnapshotStore();
    const make = (snapshotEvery: number, schemaVersion: number) =>
      new AggregateLoader({ store, snapshots, initialState: initialCounter, evolve: (s: Counter) => s, snapshotEvery, schemaVersion });

    expect(() => make(0, 1)).toThrow(InvalidSnapshotSettingsError);
    expect(() => make(2.5, 1)).toThrow(InvalidSnapshotSettingsError);
    expect(() => make(10, 0)).toThrow(InvalidSnapshotSettingsError);
  });

  it('should refuse to load a negative or fractional version', async () => {
    const { loader } = setUp(10);

    await expect(loader.load('counter-1', { version: -1 })).rejects.toThrow(InvalidSnapshotSettingsError);
    await expect(loader.load('counter-1', { version: 1.5 })).rejects.toThrow(InvalidSnapshotSettingsError);
  });

  it('should give the replayed state and stay under the bound for any history and any order of loads', async () => {
    const scenario = fc.record({
      snapshotEvery: fc.integer({ min: 1, max: 12 }),
      amounts: fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 60 }),
      loads: fc.array(fc.nat({ max: 70 }), { minLength: 1, maxLength: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ snapshotEvery, amounts: history, loads }) => {
        const { store, counting, loader } = setUp(snapshotEvery);
        if (history.length > 0) await appendAmounts(store, 'p', history);
        let highestLoaded = 0;
        for (const wanted of loads) {
          counting.reset();
          const version = Math.min(wanted, history.length);
          expect(await loader.load('p', { version: wanted })).toEqual({ state: expectedCounter(history, version), version });
          // Every multiple of N up to the highest version loaded so far has its snapshot by now.
          if (version <= highestLoaded) expect(counting.calls()).toBeLessThan(snapshotEvery);
          highestLoaded = Math.max(highestLoaded, version);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('AggregateLoader on SQLite, snapshots beside the events', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bandpro-loader-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function openAll(file: string) {
    const db = openSqlite(file);
    const store = new SqliteEventStore({ db });
    const snapshots = new SqliteSnapshotStore(db);
    const close = async () => {
      await store.close();
      await snapshots.close();
      db.close();
    };
    return { ...setUp(8, { store, snapshots }), close };
  }

  it('should let a later process load any version replaying fewer than N events', async () => {
    const file = join(dir, 'bandpro.sqlite');
    const first = openAll(file);
    await appendAmounts(first.store, 'counter-1', amounts);
    await first.loader.load('counter-1');
    await first.close();

    const second = openAll(file);
    for (let version = 0; version <= amounts.length; version++) {
      second.counting.reset();
      expect(await second.loader.load('counter-1', { version })).toEqual({ state: expectedCounter(amounts, version), version });
      expect(second.counting.calls()).toBeLessThan(8);
    }
    await second.close();
  });
});
