import { counted, appendTally, expectedTallies, poisoned, tallyProjection, type TallyDoc } from '../../test/fixtures/tally.projection';
import { eventually, harness, RecordingLogger, type Harness } from '../../test/fixtures/runner-harness';
import { withCommitFault } from '../../test/fixtures/faulty-store';
import type { BatchReport } from './runner-options';

/** The store as is, counting its feed reads (`readAll`): how often a runner polls. */
function countingFeedReads<E extends { readAll(options: object): unknown }>(events: E): { events: E; reads: { count: number } } {
  const reads = { count: 0 };
  const counting = new Proxy(events, {
    get: (target, property) => {
      if (property === 'readAll') return (options: object) => ((reads.count += 1), target.readAll(options));
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { events: counting, reads };
}

describe('ProjectionRunner', () => {
  let h: Harness;

  beforeEach(() => {
    h = harness();
  });

  afterEach(async () => {
    await h.stopAll();
  });

  const tallies = async () => Object.fromEntries((await h.store.find<TallyDoc>('tally')).map((doc) => [doc.key, doc.total]));

  it('should build the first generation from the feed and show it once caught up', async () => {
    await appendTally(h.events, counted('a', 2), counted('b'));
    await appendTally(h.events, counted('a', 3));

    expect(await h.runner().catchUp()).toBe(3);

    expect(await tallies()).toEqual({ a: 5, b: 1 });
    expect(await h.store.activeGeneration('tally')).toMatchObject({ version: 1, checkpoint: { position: 3 } });
  });

  it('should read only past its checkpoint on the next catch-up', async () => {
    const reports: BatchReport[] = [];
    const runner = h.runner({ batchSize: 2, onBatch: (report) => void reports.push(report) });
    await appendTally(h.events, counted('a'), counted('a'), counted('a'));
    await runner.catchUp();
    await appendTally(h.events, counted('a', 10));
    reports.length = 0;

    expect(await runner.catchUp()).toBe(1);
    expect(reports).toEqual([expect.objectContaining({ mode: 'live', events: 1, applied: 1, checkpoint: expect.objectContaining({ position: 4 }) })]);
    expect(await tallies()).toEqual({ a: 13 });
  });

  it('should keep up with new events while running and give the lease back when stopped', async () => {
    const runner = h.runner();
    runner.start();
    await appendTally(h.events, counted('a', 4));
    await eventually(async () => (await h.store.get<TallyDoc>('tally', 'a'))?.total === 4);
    expect(runner.state).toBe('running');
    expect(await h.store.leaseHolder('tally')).toMatchObject({ ownerId: runner.ownerId });

    await appendTally(h.events, counted('a', 1));
    await eventually(async () => (await h.store.get<TallyDoc>('tally', 'a'))?.total === 5);
    await runner.stop();

    expect(runner.state).toBe('stopped');
    expect(await h.store.leaseHolder('tally')).toBeUndefined();
  });

  it('should poll less and less often while idle, and still pick up a new event', async () => {
    const { events: counting, reads } = countingFeedReads(h.events);
    const runner = h.runner({ events: counting, pollIntervalMs: 5, maxPollIntervalMs: 40 });
    runner.start();
    await new Promise((resolve) => setTimeout(resolve, 400));

    // Without backoff a 5 ms poll reads ~80 times in 400 ms; doubling up to 40 ms reads ~13 times.
    expect(reads.count).toBeGreaterThan(3);
    expect(reads.count).toBeLessThan(30);
    await appendTally(h.events, counted('late', 7));
    await eventually(async () => (await h.store.get<TallyDoc>('tally', 'late'))?.total === 7, 1000);
  });

  it('should read on at once while its pages come full, and wait for the poll grid once at the head', async () => {
    const runner = h.runner({ batchSize: 2, pollIntervalMs: 300 });
    runner.start();
    await eventually(async () => (await h.store.activeGeneration('tally')) !== undefined);
    await appendTally(h.events, ...Array.from({ length: 10 }, () => counted('a')));

    // The next poll comes within 300 ms; then five full pages of two, which would take 1.5 s if each waited for a poll.
    await eventually(async () => (await h.store.get<TallyDoc>('tally', 'a'))?.total === 10, 1000);
  });

  it.each([
    [5, 10, Infinity],
    [150, 0, 6],
  ])('should apply a steady trickle of events in batches at most %i ms apart', async (busyPollMs, moreThan, fewerThan) => {
    const reports: BatchReport[] = [];
    const runner = h.runner({ pollIntervalMs: 5, busyPollMs, onBatch: (report) => void (report.events > 0 && reports.push(report)) });
    runner.start();
    await eventually(async () => (await h.store.activeGeneration('tally')) !== undefined);
    for (let i = 0; i < 20; i++) {
      await appendTally(h.events, counted('a'));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await eventually(async () => (await h.store.get<TallyDoc>('tally', 'a'))?.total === 20, 2000);

    // 20 events over ~400 ms: a batch per event or two with a 5 ms pause; one per 150 ms pause (about 4) with a long one.
    expect(reports.reduce((sum, report) => sum + report.applied, 0)).toBe(20);
    expect(reports.length).toBeGreaterThan(moreThan);
    expect(reports.length).toBeLessThan(fewerThan);
  });

  it('should keep polling at the shortest interval while events have come recently', async () => {
    const { events: counting, reads } = countingFeedReads(h.events);
    // A clock that stands still: the last event is always recent.
    const runner = h.runner({ events: counting, pollIntervalMs: 5, maxPollIntervalMs: 1000, clock: () => 1_000_000 });
    runner.start();
    await eventually(async () => (await h.store.activeGeneration('tally')) !== undefined);
    await appendTally(h.events, counted('a'));
    await eventually(async () => (await h.store.get<TallyDoc>('tally', 'a'))?.total === 1);
    reads.count = 0;
    await new Promise((resolve) => setTimeout(resolve, 400));

    // Backing off from 5 ms would read about 7 times in 400 ms (5, 10, ... 320 ms); at 5 ms, about 80.
    expect(reads.count).toBeGreaterThan(20);
  });

  it('should back off while its batches fail, however recent the last event', async () => {
    let failing = false;
    let attempts = 0;
    const store = new Proxy(h.store, {
      get: (target, property) => {
        if (property === 'commit' && failing) return async () => ((attempts += 1), Promise.reject(new Error('disk full')));
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const runner = h.runner({ store, pollIntervalMs: 5, maxPollIntervalMs: 40 });
    runner.start();
    await eventually(async () => (await h.store.activeGeneration('tally')) !== undefined);
    await appendTally(h.events, counted('a'));
    await eventually(async () => (await h.store.get<TallyDoc>('tally', 'a'))?.total === 1);
    failing = true;
    await appendTally(h.events, counted('a'));
    await new Promise((resolve) => setTimeout(resolve, 400));

    // Backing off from 5 ms to 40 ms: about 12 attempts in 400 ms; retrying every 5 ms, about 80.
    expect(attempts).toBeGreaterThan(2);
    expect(attempts).toBeLessThan(30);
  });

  it('should dead-letter an event that fails live, skip it and carry on', async () => {
    const logger = new RecordingLogger();
    const runner = h.runner({ logger });
    await appendTally(h.events, counted('a'));
    await runner.catchUp();
    const poisonAt = await appendTally(h.events, poisoned('a'));
    await appendTally(h.events, counted('a', 5));

    await runner.catchUp();

    expect(await tallies()).toEqual({ a: 6 });
    expect(await h.store.listDeadLetters('tally')).toEqual([
      expect.objectContaining({ position: poisonAt, type: 'Poisoned', error: 'Error: tally a cannot take poison' }),
    ]);
    expect(await h.store.checkpoint('tally')).toMatchObject({ position: await h.events.headPosition() });
    expect(logger.lines).toContainEqual(expect.stringMatching(/^warn tally: dead-lettered Poisoned at position \d+/));
  });

  it('should fail a rebuild on an event it cannot handle and keep the old generation', async () => {
    const runner = h.runner();
    await appendTally(h.events, counted('a'));
    await runner.catchUp();
    await appendTally(h.events, poisoned('a'), counted('a'));
    await runner.catchUp();
    const before = await h.store.generations('tally');

    await expect(runner.rebuild()).rejects.toMatchObject({ code: 'PROJECTION_REBUILD_FAILED', position: 2 });

    expect(await h.store.generations('tally')).toEqual(before);
    expect(await tallies()).toEqual({ a: 2 });
  });

  it('should stop in the failed state when its first build meets an event it cannot handle', async () => {
    const logger = new RecordingLogger();
    await appendTally(h.events, counted('a'), poisoned('a'));
    const runner = h.runner({ logger });
    runner.start();

    await eventually(() => runner.state === 'failed');
    expect(await h.store.activeGeneration('tally')).toBeUndefined();
    expect(await h.store.generations('tally')).toEqual([]);
    expect(logger.lines).toContainEqual(expect.stringContaining('error tally: stopped: Rebuild of tally failed at position 2'));
    await runner.stop();
    expect(runner.state).toBe('failed');
  });

  it('should rebuild into a new generation when the projection version changes, then drop the old one', async () => {
    await appendTally(h.events, counted('a', 2), counted('b', 3));
    const v1 = h.runner();
    await v1.catchUp();
    await v1.stop();
    const [old] = await h.store.generations('tally');

    const tenfold = { ...tallyProjection, version: 2, evolve: (doc: TallyDoc | undefined, event: Parameters<typeof tallyProjection.evolve>[1], id: string) => {
      const next = tallyProjection.evolve(doc, event, id);
      return next && { ...next, total: (doc?.total ?? 0) + ((next.total - (doc?.total ?? 0)) * 10) };
    } };
    await h.runner({ projection: tenfold }).catchUp();

    expect(await tallies()).toEqual({ a: 20, b: 30 });
    const generations = await h.store.generations('tally');
    expect(generations).toEqual([expect.objectContaining({ version: 2, status: 'active' })]);
    expect(generations[0].generation).not.toBe(old.generation);
  });

  it('should let readers see the old generation until the rebuilt one is swapped in', async () => {
    await appendTally(h.events, counted('a', 1), counted('a', 1), counted('a', 1), counted('a', 1));
    const live = h.runner();
    await live.catchUp();
    await appendTally(h.events, counted('a', 1));
    await live.stop();

    const seenDuringRebuild: unknown[] = [];
    const rebuilder = h.runner({
      rebuildBatchSize: 2,
      onBatch: async (report) => {
        if (report.mode === 'rebuild') seenDuringRebuild.push((await h.store.get<TallyDoc>('tally', 'a'))?.total);
      },
    });
    const swap = await rebuilder.rebuild();

    expect(seenDuringRebuild).toEqual([4, 4, 4]);
    expect(await tallies()).toEqual({ a: 5 });
    expect(swap).toMatchObject({ checkpoint: { position: 5 } });
    expect(swap.generation).toBeGreaterThan(swap.previous ?? Infinity);
    expect((await h.store.generations('tally')).map((g) => g.generation)).toEqual([swap.generation]);
  });

  it('should commit a rebuild every rebuildCommitEvery events, and once more at the end', async () => {
    for (let i = 0; i < 5; i++) await appendTally(h.events, counted('a'), counted('b'));
    const committed: number[] = [];
    const runner = h.runner({
      rebuildBatchSize: 2,
      rebuildCommitEvery: 4,
      onBatch: async (report) => void committed.push((await h.store.checkpoint('tally', report.generation)).position),
    });

    await runner.rebuild();

    expect(committed).toEqual([0, 4, 4, 8, 8]);
    expect(await h.store.checkpoint('tally')).toMatchObject({ position: 10 });
    expect(await tallies()).toEqual({ a: 5, b: 5 });
  });

  it('should commit a rebuild as soon as cacheSize documents wait to be written', async () => {
    await appendTally(h.events, counted('a'), counted('a'), counted('b'), counted('c'), counted('c'));
    const committed: number[] = [];
    const runner = h.runner({
      rebuildBatchSize: 1,
      cacheSize: 2,
      onBatch: async (report) => void committed.push((await h.store.checkpoint('tally', report.generation)).position),
    });

    await runner.rebuild();

    expect(committed).toEqual([0, 0, 3, 3, 3]);
    expect(await tallies()).toEqual({ a: 2, b: 1, c: 2 });
  });

  it('should drop the half-built generation and keep the old one when a rebuild cannot commit', async () => {
    await appendTally(h.events, counted('a'), counted('b'));
    await h.runner({ ownerId: 'same' }).catchUp();
    const [old] = await h.store.generations('tally');

    const failing = h.runner({ ownerId: 'same', store: withCommitFault(h.store, 1, 'before-commit') });
    await expect(failing.rebuild()).rejects.toThrow(/injected crash/);

    expect(await h.store.generations('tally')).toEqual([old]);
    expect(await tallies()).toEqual({ a: 1, b: 1 });
  });

  it('should report lag in events and seconds behind the head', async () => {
    const runner = h.runner();
    await appendTally(h.events, counted('a'), counted('b'));
    h.clock.now += 20_000;
    expect(await runner.lag()).toEqual({ projection: 'tally', head: 2, position: 0, eventsBehind: 2, secondsBehind: 20 });

    await runner.catchUp();
    h.clock.now += 30_000;
    expect(await runner.lag()).toEqual({ projection: 'tally', head: 2, position: 2, eventsBehind: 0, secondsBehind: 0 });

    await appendTally(h.events, counted('a'), counted('a'), counted('b'));
    h.clock.now += 5000;
    expect(await runner.lag()).toEqual({ projection: 'tally', head: 5, position: 2, eventsBehind: 3, secondsBehind: 55 });
  });

  it('should let one runner hold the lease, the other standing by until it expires', async () => {
    await appendTally(h.events, counted('a'));
    const first = h.runner({ ownerId: 'first' });
    await first.catchUp();
    const second = h.runner({ ownerId: 'second', leaseTtlMs: 30 });

    await expect(second.catchUp()).rejects.toMatchObject({ code: 'PROJECTION_LEASE_UNAVAILABLE', holder: 'first' });
    second.start();
    await eventually(() => second.state === 'standby');
    await appendTally(h.events, counted('a', 10));

    h.clock.now += 10_000;
    await eventually(async () => (await h.store.get<TallyDoc>('tally', 'a'))?.total === 11);
    expect(second.state).toBe('running');
    expect(await h.store.leaseHolder('tally')).toMatchObject({ ownerId: 'second' });
  });

  it('should stop writing once another runner took its lease over', async () => {
    const logger = new RecordingLogger();
    const first = h.runner({ ownerId: 'first', logger, leaseTtlMs: 3000 });
    first.start();
    await eventually(() => first.state === 'running');

    h.clock.now += 3000;
    const second = h.runner({ ownerId: 'second' });
    await appendTally(h.events, counted('a'));
    await second.catchUp();

    await eventually(() => first.state === 'standby');
    await appendTally(h.events, counted('a', 100));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await tallies()).toEqual({ a: 1 });
    expect(await h.store.leaseHolder('tally')).toMatchObject({ ownerId: 'second' });
  });

  it('should leave every store untouched after stopping a runner that never started', async () => {
    const runner = h.runner();
    await runner.stop();
    expect(runner.state).toBe('stopped');
    expect(await h.store.generations('tally')).toEqual([]);
    expect(await expectedTallies(h.events)).toEqual({});
  });
});
