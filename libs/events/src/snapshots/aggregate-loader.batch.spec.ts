import { InMemoryEventStore } from '../adapters/memory/in-memory-event-store';
import { InMemorySnapshotStore } from '../adapters/memory/in-memory-snapshot-store';
import type { StoredEvent } from '../envelope';
import { counterEvents, evolveCounter, expectedCounter, initialCounter, type Counter } from '../../test/snapshots/support/counter-aggregate';
import { AggregateLoader } from './aggregate-loader';

const actor = { id: 'user-1', kind: 'user' as const };

/**
 * A batch fold in the way of the domain's evolveAll: it copies the state once per call and then writes
 * into its own copy in place. It records the runs it was given.
 */
function transientFold() {
  const runs: number[][] = [];
  const evolveAll = (state: Counter, events: readonly StoredEvent[]): Counter => {
    runs.push(events.map((e) => e.version));
    const draft: Counter = { total: state.total, amounts: state.amounts.slice() };
    for (const event of events) {
      const { amount } = event.data as { amount: number };
      const signed = event.type === 'Added' ? amount : -amount;
      draft.total += signed;
      draft.amounts.push(signed);
    }
    return draft;
  };
  return { evolveAll, runs };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

const amounts = Array.from({ length: 47 }, (_, i) => (i % 4 === 0 ? -(i + 1) : i + 1));

async function setUp(withCache: boolean) {
  const store = new InMemoryEventStore();
  for (let i = 0; i < amounts.length; i += 5) {
    await store.append('s', counterEvents(amounts.slice(i, i + 5)), { expectedVersion: 'any', commandId: `c-${i}`, actor });
  }
  const fold = transientFold();
  let evolveCalls = 0;
  const loader = new AggregateLoader<Counter>({
    store,
    snapshots: new InMemorySnapshotStore(),
    initialState: initialCounter,
    evolve: (state, event) => {
      evolveCalls += 1;
      return evolveCounter(state, event);
    },
    evolveAll: fold.evolveAll,
    snapshotEvery: 10,
    schemaVersion: 1,
    stateCache: withCache ? { maxStreams: 2, maxStatesPerStream: 10 } : undefined,
  });
  return { store, loader, fold, evolveCalls: () => evolveCalls };
}

describe('AggregateLoader with a batch fold (evolveAll)', () => {
  it('should fold each run of events between the states it keeps in one call, never event by event', async () => {
    const { loader, fold, evolveCalls } = await setUp(false);
    expect(await loader.load('s')).toEqual({ state: expectedCounter(amounts, 47), version: 47 });
    expect(fold.runs.map((run) => [run[0], run[run.length - 1]])).toEqual([
      [1, 10],
      [11, 20],
      [21, 30],
      [31, 40],
      [41, 47],
    ]);
    fold.runs.length = 0;
    expect(await loader.load('s', { version: 33 })).toEqual({ state: expectedCounter(amounts, 33), version: 33 });
    expect(fold.runs).toEqual([[31, 32, 33]]);
    expect(evolveCalls()).toBe(0);
  });

  it('should give every version the state a plain replay gives, and leave cached boundary states unaltered by later loads', async () => {
    const { store, loader } = await setUp(true);
    await loader.prime('s');
    const seen: { version: number; state: Counter }[] = [];
    for (const version of [10, 20, 47, 25, 40, 13, 30, 47, 0, 9]) {
      const loaded = await loader.load('s', { version });
      expect(loaded).toEqual({ state: expectedCounter(amounts, version), version });
      // Frozen, so a load that wrote into a state it started from would throw here.
      seen.push({ version, state: deepFreeze(loaded.state) });
    }
    await store.append('s', counterEvents([100, -7, 8]), { expectedVersion: 47, commandId: 'more', actor });
    const all = [...amounts, 100, -7, 8];
    expect(await loader.load('s')).toEqual({ state: expectedCounter(all, 50), version: 50 });
    expect(await loader.load('s', { version: 44 })).toEqual({ state: expectedCounter(all, 44), version: 44 });
    for (const { version, state } of seen) expect(state).toEqual(expectedCounter(amounts, version));
  });
});
