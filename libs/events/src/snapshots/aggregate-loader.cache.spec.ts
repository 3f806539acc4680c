import fc from 'fast-check';
import { InMemoryEventStore } from '../adapters/memory/in-memory-event-store';
import { InMemorySnapshotStore } from '../adapters/memory/in-memory-snapshot-store';
import type { EventStore } from '../store/event-store.port';
import { counterEvents, countingEvolve, expectedCounter, initialCounter, type Counter } from '../../test/snapshots/support/counter-aggregate';
import { AggregateLoader, InvalidSnapshotSettingsError } from './aggregate-loader';
import type { LoadSnapshotOptions, Snapshot } from './snapshot-store.port';
import type { StateCacheOptions } from './state-cache';

const actor = { id: 'user-1', kind: 'user' as const };
let commandSeq = 0;

async function appendAmounts(store: EventStore, streamId: string, amounts: readonly number[]): Promise<void> {
  for (let i = 0; i < amounts.length; i += 7) {
    await store.append(streamId, counterEvents(amounts.slice(i, i + 7)), { expectedVersion: 'any', commandId: `c-${++commandSeq}`, actor });
  }
}

/** The real in-memory store, counting its reads (parses) and writes (serialisations). */
class CountingSnapshotStore extends InMemorySnapshotStore {
  reads = 0;
  writes = 0;
  override async save(snapshot: Snapshot): Promise<void> {
    this.writes += 1;
    return super.save(snapshot);
  }
  override async loadLatest(streamId: string, options: LoadSnapshotOptions): Promise<Snapshot | undefined> {
    this.reads += 1;
    return super.loadLatest(streamId, options);
  }
}

function setUp(snapshotEvery: number, stateCache?: StateCacheOptions) {
  const store = new InMemoryEventStore();
  const snapshots = new CountingSnapshotStore();
  const counting = countingEvolve();
  const loader = new AggregateLoader<Counter>({ store, snapshots, initialState: initialCounter, evolve: counting.evolve, snapshotEvery, schemaVersion: 1, stateCache });
  const reset = () => {
    counting.reset();
    snapshots.reads = 0;
    snapshots.writes = 0;
  };
  return { store, snapshots, counting, loader, reset };
}

const amounts = Array.from({ length: 95 }, (_, i) => (i % 3 === 0 ? -(i + 1) : i + 1));
const roomy = { maxStreams: 4, maxStatesPerStream: 100 };

describe('AggregateLoader with a state cache', () => {
  it('should load the head again from the last state it reached, replaying only the events appended since', async () => {
    const { store, counting, loader, reset } = setUp(10, roomy);
    await appendAmounts(store, 's', amounts.slice(0, 95));
    await loader.load('s');
    await store.append('s', counterEvents([5, 6]), { expectedVersion: 95, commandId: 'tip-1', actor });

    reset();
    expect(await loader.load('s')).toEqual({ state: expectedCounter([...amounts.slice(0, 95), 5, 6], 97), version: 97 });
    expect(counting.calls()).toBe(2);
    reset();
    expect(await loader.load('s', { version: 96 })).toEqual({ state: expectedCounter([...amounts.slice(0, 95), 5], 96), version: 96 });
    expect(counting.calls()).toBe(6); // below the tip: from the boundary at 90
  });

  it('should not read the stream at all when the cached tip is its head', async () => {
    const { store, loader } = setUp(10, roomy);
    await appendAmounts(store, 's', amounts.slice(0, 15));
    await loader.load('s');
    const reads = jest.spyOn(store, 'readStream');

    expect(await loader.load('s')).toEqual({ state: expectedCounter(amounts.slice(0, 15), 15), version: 15 });
    expect(await loader.load('absent')).toEqual({ state: initialCounter(), version: 0 });
    expect(reads).not.toHaveBeenCalled();
  });

  it('should start the next load from the state its own append led to, reading nothing back', async () => {
    const { store, counting, loader, reset } = setUp(10, roomy);
    await appendAmounts(store, 's', amounts.slice(0, 12));
    const loaded = await loader.load('s');
    const result = await store.append('s', counterEvents([5, 6]), { expectedVersion: 12, commandId: 'own-1', actor });
    loader.appended('s', loaded, result.events);
    const reads = jest.spyOn(store, 'readStream');

    reset();
    expect(await loader.load('s')).toEqual({ state: expectedCounter([...amounts.slice(0, 12), 5, 6], 14), version: 14 });
    expect(reads).not.toHaveBeenCalled();
    expect(counting.calls()).toBe(0);
  });

  it('should leave an append that crosses a snapshot boundary to the next load, which writes the snapshot', async () => {
    const { store, snapshots, loader, reset } = setUp(10, roomy);
    await appendAmounts(store, 's', amounts.slice(0, 9));
    const loaded = await loader.load('s');
    const result = await store.append('s', counterEvents([5, 6]), { expectedVersion: 9, commandId: 'own-2', actor });
    loader.appended('s', loaded, result.events);

    reset();
    expect(await loader.load('s')).toEqual({ state: expectedCounter([...amounts.slice(0, 9), 5, 6], 11), version: 11 });
    expect(snapshots.writes).toBe(1);
  });

  it('should ignore appended events that do not follow the state it was given', async () => {
    const { store, loader } = setUp(10, roomy);
    await appendAmounts(store, 's', amounts.slice(0, 12));
    const stale = await loader.load('s', { version: 11 });
    const result = await store.append('s', counterEvents([5]), { expectedVersion: 12, commandId: 'own-3', actor });
    loader.appended('s', stale, result.events);

    expect(await loader.load('s')).toEqual({ state: expectedCounter([...amounts.slice(0, 12), 5], 13), version: 13 });
  });

  it('should load any version of a primed stream from memory, replaying fewer than N events', async () => {
    const { store, snapshots, counting, loader, reset } = setUp(10, roomy);
    await appendAmounts(store, 's', amounts);
    await loader.prime('s');

    for (let version = 0; version <= amounts.length; version++) {
      reset();
      expect(await loader.load('s', { version })).toEqual({ state: expectedCounter(amounts, version), version });
      expect(counting.calls()).toBeLessThan(10);
      if (version >= 10) expect(snapshots.reads).toBe(0);
    }
    expect(loader.cacheStats()).toMatchObject({ hits: 86, streams: 1, states: 9 });
  });

  it('should count a first load as a miss and a load of a boundary it passed as a hit', async () => {
    const { store, snapshots, loader, reset } = setUp(10, roomy);
    await appendAmounts(store, 's', amounts);

    await loader.load('s', { version: 47 });
    expect(loader.cacheStats()).toMatchObject({ hits: 0, misses: 1, states: 4 });
    reset();
    await loader.load('s', { version: 33 });
    expect(loader.cacheStats()).toMatchObject({ hits: 1, misses: 1 });
    expect(snapshots.reads).toBe(0);
  });

  it('should replay from a cached boundary further below within the budget, caching what it passes', async () => {
    const { store, snapshots, counting, loader, reset } = setUp(10, { ...roomy, replayBudget: 30 });
    await appendAmounts(store, 's', amounts);
    await loader.load('s', { version: 20 });

    reset();
    expect(await loader.load('s', { version: 48 })).toEqual({ state: expectedCounter(amounts, 48), version: 48 });
    // 30 and 40 have no snapshot yet: the replay writes them, as a load without a cache would.
    expect({ calls: counting.calls(), reads: snapshots.reads, writes: snapshots.writes }).toEqual({ calls: 28, reads: 0, writes: 2 });
    reset();
    await loader.load('s', { version: 41 });
    expect(counting.calls()).toBe(1);
  });

  it('should parse the persisted snapshot when the nearest cached boundary is beyond the budget', async () => {
    const { store, snapshots, counting, loader, reset } = setUp(10, { ...roomy, replayBudget: 0 });
    await appendAmounts(store, 's', amounts);
    await loader.load('s');
    loader.forget('s');
    await loader.load('s', { version: 20 });

    reset();
    expect(await loader.load('s', { version: 48 })).toEqual({ state: expectedCounter(amounts, 48), version: 48 });
    expect({ calls: counting.calls(), reads: snapshots.reads }).toEqual({ calls: 8, reads: 1 });
    expect(loader.cacheStats()).toMatchObject({ misses: 3 });
  });

  it('should still start from a cached boundary above the persisted snapshots when both are far', async () => {
    const { store, snapshots, counting, loader, reset } = setUp(10, { ...roomy, replayBudget: 0 });
    await appendAmounts(store, 's', amounts.slice(0, 35));
    await loader.load('s');
    await snapshots.deleteStream('s');
    await appendAmounts(store, 's', amounts.slice(35));

    reset();
    expect(await loader.load('s', { version: 62 })).toEqual({ state: expectedCounter(amounts, 62), version: 62 });
    expect(counting.calls()).toBe(27); // from the tip the first load reached (35), above the boundary at 30
  });

  it('should follow appends: the head is found again and only the new boundaries are written', async () => {
    const { store, snapshots, counting, loader, reset } = setUp(10, roomy);
    await appendAmounts(store, 's', amounts.slice(0, 42));
    await loader.prime('s');
    await appendAmounts(store, 's', amounts.slice(42));

    reset();
    expect(await loader.load('s')).toEqual({ state: expectedCounter(amounts, 95), version: 95 });
    expect({ calls: counting.calls(), reads: snapshots.reads, writes: snapshots.writes }).toEqual({ calls: 53, reads: 1, writes: 5 }); // from prime's tip at 42
    reset();
    expect(await loader.load('s')).toEqual({ state: expectedCounter(amounts, 95), version: 95 });
    expect({ calls: counting.calls(), reads: snapshots.reads, writes: snapshots.writes }).toEqual({ calls: 0, reads: 0, writes: 0 });
  });

  it('should prime from the persisted snapshot below the boundaries it can keep, without rewriting snapshots', async () => {
    const { store, snapshots, counting, loader, reset } = setUp(10, { maxStreams: 1, maxStatesPerStream: 3 });
    await appendAmounts(store, 's', amounts);
    await loader.load('s');
    loader.forget('s');

    reset();
    expect(await loader.prime('s')).toEqual({ state: expectedCounter(amounts, 95), version: 95 });
    expect({ calls: counting.calls(), reads: snapshots.reads, writes: snapshots.writes }).toEqual({ calls: 25, reads: 2, writes: 0 });
    expect(loader.cacheStats()).toMatchObject({ states: 3 });
    reset();
    await loader.load('s', { version: 75 });
    expect(snapshots.reads).toBe(0);
  });

  it('should prime a stream without snapshots from version 0 and write them as it goes', async () => {
    const { store, snapshots, counting, loader } = setUp(10, roomy);
    await appendAmounts(store, 's', amounts);

    await loader.prime('s');
    expect({ calls: counting.calls(), writes: snapshots.writes }).toEqual({ calls: 95, writes: 9 });
    expect(await loader.prime('nobody')).toEqual({ state: initialCounter(), version: 0 });
  });

  it('should drop the least recently used stream beyond maxStreams', async () => {
    const { store, snapshots, loader, reset } = setUp(10, { maxStreams: 2, maxStatesPerStream: 100 });
    for (const id of ['a', 'b', 'c']) await appendAmounts(store, id, amounts.slice(0, 30));
    await loader.prime('a');
    await loader.prime('b');
    await loader.load('a', { version: 25 });
    await loader.prime('c');

    expect(loader.cacheStats()).toMatchObject({ streams: 2, states: 6, evictions: 3 });
    reset();
    await loader.load('a', { version: 25 });
    expect(snapshots.reads).toBe(0);
    await loader.load('b', { version: 25 });
    expect(snapshots.reads).toBe(1);
  });

  it('should forget every cached state when a subject is erased', async () => {
    const { store, loader } = setUp(10, roomy);
    await appendAmounts(store, 's', amounts);
    await loader.prime('s');

    loader.purgeSubject();
    expect(loader.cacheStats()).toMatchObject({ streams: 0, states: 0 });
  });

  it('should behave as a plain loader when no cache is configured', async () => {
    const { store, counting, loader } = setUp(10);
    await appendAmounts(store, 's', amounts);

    expect(await loader.prime('s')).toEqual({ state: expectedCounter(amounts, 95), version: 95 });
    expect(counting.calls()).toBe(95);
    loader.forget('s');
    loader.purgeSubject();
    expect(loader.cacheStats()).toBeUndefined();
  });

  it('should refuse cache bounds that are not positive integers', () => {
    const make = (stateCache: StateCacheOptions) =>
      new AggregateLoader({ store: new InMemoryEventStore(), snapshots: new InMemorySnapshotStore(), initialState: initialCounter, evolve: (s: Counter) => s, snapshotEvery: 10, schemaVersion: 1, stateCache });

    expect(() => make({ maxStreams: 0, maxStatesPerStream: 1 })).toThrow(InvalidSnapshotSettingsError);
    expect(() => make({ maxStreams: 1, maxStatesPerStream: 1.5 })).toThrow(InvalidSnapshotSettingsError);
    expect(() => make({ maxStreams: 1, maxStatesPerStream: 1, replayBudget: -1 })).toThrow(InvalidSnapshotSettingsError);
  });

  it('should give exactly the state of a plain replay, within the replay bound, for any history, bounds and loads', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('load' as const), version: fc.nat({ max: 90 }) }),
      fc.record({ kind: fc.constant('latest' as const) }),
      fc.record({ kind: fc.constant('prime' as const) }),
      fc.record({ kind: fc.constant('append' as const), amounts: fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 15 }) }),
    );
    const scenario = fc.record({
      snapshotEvery: fc.integer({ min: 1, max: 12 }),
      cache: fc.record({ maxStreams: fc.integer({ min: 1, max: 2 }), maxStatesPerStream: fc.integer({ min: 1, max: 6 }), replayBudget: fc.nat({ max: 30 }) }),
      history: fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 60 }),
      steps: fc.array(fc.record({ streamId: fc.constantFrom('p', 'q', 'r'), step }), { minLength: 1, maxLength: 12 }),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ snapshotEvery, cache, history, steps }) => {
        const { store, counting, loader } = setUp(snapshotEvery, cache);
        const streams = new Map<string, number[]>([['p', []], ['q', []], ['r', []]]);
        const bound = Math.max(cache.replayBudget, snapshotEvery - 1);
        const highestLoaded = new Map<string, number>();
        await appendAmounts(store, 'p', history);
        (streams.get('p') as number[]).push(...history);
        for (const { streamId, step } of steps) {
          const events = streams.get(streamId) as number[];
          if (step.kind === 'append') {
            await appendAmounts(store, streamId, step.amounts);
            events.push(...step.amounts);
            continue;
          }
          counting.reset();
          const loaded = step.kind === 'prime' ? await loader.prime(streamId) : await loader.load(streamId, step.kind === 'load' ? { version: step.version } : {});
          const version = step.kind === 'load' ? Math.min(step.version, events.length) : events.length;
          expect(loaded).toEqual({ state: expectedCounter(events, version), version });
          if (step.kind !== 'prime' && version <= (highestLoaded.get(streamId) ?? 0)) expect(counting.calls()).toBeLessThanOrEqual(bound);
          highestLoaded.set(streamId, Math.max(version, highestLoaded.get(streamId) ?? 0));
        }
      }),
      { numRuns: 150 },
    );
  });
});
