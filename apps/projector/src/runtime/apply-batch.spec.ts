import type { StoredEvent } from '@bandpro/events';
import { InMemoryReadModelStore } from '@bandpro/read-models';
import { feed, storedEvent } from '../../test/fixtures/stored-events';
import { counted, ignored, moved, poisoned, tallyProjection, touched, unkeyed, type TallyDoc } from '../../test/fixtures/tally.projection';
import { applyBatch, type ApplyMode } from './apply-batch';
import { DocCache } from './doc-cache';

describe('applyBatch', () => {
  let store: InMemoryReadModelStore;
  let generation: number;
  let loads: string[][];

  beforeEach(async () => {
    store = new InMemoryReadModelStore();
    generation = await store.beginGeneration('tally');
    loads = [];
  });

  const apply = (events: ReturnType<typeof feed>, mode: ApplyMode = 'live', cache = new DocCache<TallyDoc>(100)) =>
    applyBatch({
      projection: tallyProjection,
      events,
      cache,
      mode,
      load: (ids) => {
        loads.push([...ids]);
        return store.loadDocs<TallyDoc>('tally', generation, 'tally', ids);
      },
    });

  it('should fold a batch into one change per document and a checkpoint after the last event', async () => {
    const outcome = await apply(feed(counted('a', 2), counted('b'), ignored(), counted('a', 3), ignored()));

    expect(outcome.changes).toEqual([
      { collection: 'tally', id: 'a', doc: { key: 'a', total: 5, count: 2, updatedAt: storedEvent(4, counted('a')).metadata.recordedAt } },
      { collection: 'tally', id: 'b', doc: { key: 'b', total: 1, count: 1, updatedAt: storedEvent(2, counted('b')).metadata.recordedAt } },
    ]);
    expect(outcome.checkpoint).toEqual({ position: 5, recordedAt: storedEvent(5, ignored()).metadata.recordedAt });
    expect(outcome.applied).toBe(3);
  });

  it('should start from the stored documents, loading all missing ones in one call', async () => {
    await store.commit('tally', generation, [{ collection: 'tally', id: 'a', doc: { key: 'a', total: 10, count: 1, updatedAt: 'x' } }], { position: 1, recordedAt: null });

    const outcome = await apply(feed(counted('a'), counted('b'), counted('a')));

    expect(loads).toEqual([['a', 'b']]);
    expect(outcome.changes.map((c) => [c.id, c.doc?.total])).toEqual([['a', 12], ['b', 1]]);
  });

  it('should take documents from the cache without asking the store', async () => {
    const cache = new DocCache<TallyDoc>(10);
    cache.absorb(new Map([['a', { key: 'a', total: 7, count: 1, updatedAt: 'x' }], ['gone', null]]));

    const outcome = await apply(feed(counted('a'), counted('gone')), 'live', cache);

    expect(loads).toEqual([]);
    expect(outcome.changes.map((c) => [c.id, c.doc?.total])).toEqual([['a', 8], ['gone', 1]]);
  });

  it('should give each document of a multi-document event its own evolve', async () => {
    const outcome = await apply(feed(counted('a', 10), moved('a', 'b', 4)));
    expect(Object.fromEntries(outcome.changes.map((c) => [c.id, c.doc?.total]))).toEqual({ a: 6, b: 4 });
  });

  it('should write nothing for a document evolve returns unchanged', async () => {
    const outcome = await apply(feed(touched('a'), ignored()));
    expect(outcome.changes).toEqual([]);
    expect(outcome.checkpoint.position).toBe(2);
  });

  it('should skip an event that fails live, record it, and apply the rest', async () => {
    const outcome = await apply(feed(counted('a'), poisoned('a'), unkeyed(), counted('a')));

    expect(outcome.deadLetters).toEqual([
      { position: 2, eventId: 'event-2', type: 'Poisoned', error: 'Error: tally a cannot take poison' },
      { position: 3, eventId: 'event-3', type: 'Unkeyed', error: 'Error: this event names no tally' },
    ]);
    expect(outcome.changes.map((c) => [c.id, c.doc?.total])).toEqual([['a', 2]]);
    expect(outcome.checkpoint.position).toBe(4);
  });

  it('should leave every document of a failing multi-document event untouched', async () => {
    const failing = { ...tallyProjection, evolve: (doc: TallyDoc | undefined, event: Parameters<typeof tallyProjection.evolve>[1], id: string) => {
      if (id === 'b') throw new Error('b refuses');
      return tallyProjection.evolve(doc, event, id);
    } };
    const outcome = await applyBatch({ projection: failing, events: feed(moved('a', 'b', 1)), cache: new DocCache(10), mode: 'live', load: async () => new Map() });
    expect(outcome.changes).toEqual([]);
    expect(outcome.deadLetters).toHaveLength(1);
  });

  it('should stop at the first failing event when rebuilding', async () => {
    const keyless = await apply(feed(unkeyed(), counted('a')), 'rebuild');
    expect(keyless.deadLetters.map((d) => d.position)).toEqual([1]);
    expect(keyless.applied).toBe(0);

    const poisonous = await apply(feed(counted('a'), poisoned('a'), poisoned('b')), 'rebuild');
    expect(poisonous.deadLetters.map((d) => d.position)).toEqual([2]);
  });

  describe('with a projection that folds runs', () => {
    let runs: number[][];
    const runTally = {
      ...tallyProjection,
      evolveRun(doc: TallyDoc | undefined, events: readonly StoredEvent[], id: string) {
        runs.push(events.map((event) => event.position));
        return events.reduce<TallyDoc | null>((current, event) => tallyProjection.evolve(current ?? undefined, event, id), doc ?? null);
      },
    };
    const applyRuns = (events: ReturnType<typeof feed>, mode: ApplyMode = 'live') =>
      applyBatch({ projection: runTally, events, cache: new DocCache<TallyDoc>(10), mode, load: async () => new Map() });

    beforeEach(() => {
      runs = [];
    });

    it('should fold the events of each document in one call', async () => {
      const outcome = await applyRuns(feed(counted('a'), counted('b', 5), ignored(), counted('a', 2)));

      expect(runs).toEqual([[1, 4], [2]]);
      expect(outcome.changes.map((c) => [c.id, c.doc?.total])).toEqual([['a', 3], ['b', 5]]);
      expect(outcome.applied).toBe(3);
    });

    it('should go one event at a time through a run that throws, dead-lettering only the event at fault', async () => {
      const outcome = await applyRuns(feed(counted('a'), poisoned('a'), counted('a'), counted('b')));

      expect(outcome.deadLetters.map((d) => d.position)).toEqual([2]);
      expect(outcome.changes.map((c) => [c.id, c.doc?.total])).toEqual([['a', 2], ['b', 1]]);
      expect(outcome.applied).toBe(3);
    });

    it('should stop a run at the event at fault when rebuilding', async () => {
      const outcome = await applyRuns(feed(counted('a'), poisoned('a'), counted('a')), 'rebuild');
      expect(outcome.deadLetters.map((d) => d.position)).toEqual([2]);
      expect(outcome.applied).toBe(1);
    });

    it('should evolve one event at a time when an event names several documents', async () => {
      const outcome = await applyRuns(feed(counted('a', 10), moved('a', 'b', 4)));

      expect(runs).toEqual([]);
      expect(Object.fromEntries(outcome.changes.map((c) => [c.id, c.doc?.total]))).toEqual({ a: 6, b: 4 });
    });
  });
});
