import { InMemoryEventStore, type EventStore } from '@bandpro/events';
import { InMemoryReadModelStore } from '@bandpro/read-models';
import { appendTally, counted, tallyProjection } from '../../test/fixtures/tally.projection';
import { ProjectionRunner } from './projection-runner';
import { SharedFeed } from './shared-feed';

/** A real in-memory store that counts the pages it parses and can be told to fail once. */
function countingStore() {
  const store = new InMemoryEventStore();
  const counter = { reads: 0, failNext: false };
  const counted = new Proxy(store, {
    get(target, property) {
      if (property === 'readAll') {
        return async (options: object) => {
          counter.reads += 1;
          if (counter.failNext) {
            counter.failNext = false;
            throw new Error('feed unavailable');
          }
          return target.readAll(options);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as EventStore;
  return { store: counted, counter };
}

describe('SharedFeed', () => {
  it('should read each full page once for two projections rebuilding side by side', async () => {
    const { store, counter } = countingStore();
    for (let i = 0; i < 10; i++) await appendTally(store, counted('a'));
    const feed = new SharedFeed(store);
    const other = { ...tallyProjection, name: 'tally-copy', collection: 'tally-copy' };
    const readModels = new InMemoryReadModelStore();

    await Promise.all(
      [tallyProjection, other].map((projection) => new ProjectionRunner({ projection, events: feed, store: readModels, rebuildBatchSize: 4 }).rebuild()),
    );

    // Alone, each runner reads after 0, 4, 8 and 10: 8 reads. Shared, the full pages after 0 and 4
    // are read once; the short pages at the head at most once per runner.
    expect(counter.reads).toBeLessThanOrEqual(2 + 2 * 2);
    expect(await readModels.get('tally', 'a')).toMatchObject({ total: 10 });
    expect(await readModels.get('tally-copy', 'a')).toMatchObject({ total: 10 });
  });

  it('should hold a rebuild cursor more than two pages ahead until the other one catches up', async () => {
    const { store, counter } = countingStore();
    for (let i = 0; i < 6; i++) await appendTally(store, counted('a'));
    const feed = new SharedFeed(store, 4);
    const [fast, slow] = [feed.cursor(), feed.cursor()];
    await fast.read(0, 1);
    await fast.read(1, 1);
    await fast.read(2, 1);
    let third = false;
    const waiting = fast.read(3, 1).then((page) => ((third = true), page));
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBe(false);

    await slow.read(0, 1);
    await slow.read(1, 1);

    expect(await waiting).toEqual([expect.objectContaining({ position: 4 })]);
    expect(counter.reads).toBe(4);
  });

  it('should let a cursor go on once the one it waits for is closed', async () => {
    const { store } = countingStore();
    for (let i = 0; i < 4; i++) await appendTally(store, counted('a'));
    const feed = new SharedFeed(store, 4);
    const [fast, gone] = [feed.cursor(), feed.cursor()];
    for (const after of [0, 1, 2]) await fast.read(after, 1);
    const waiting = fast.read(3, 1);
    gone.close();
    expect(await waiting).toHaveLength(1);
  });

  it('should not wait for a cursor too far behind to find any page still cached', async () => {
    const { store } = countingStore();
    for (let i = 0; i < 6; i++) await appendTally(store, counted('a'));
    const feed = new SharedFeed(store, 2);
    const early = feed.cursor();
    for (const after of [0, 1, 2, 3]) await early.read(after, 1);
    feed.cursor();
    expect(await early.read(4, 1)).toHaveLength(1);
  });

  it('should read a short page at the head again in a later turn, since it can still grow', async () => {
    const { store } = countingStore();
    const feed = new SharedFeed(store);
    await appendTally(store, counted('a'));
    expect(await feed.readAll({ afterPosition: 0, limit: 5 })).toHaveLength(1);
    await appendTally(store, counted('b'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await feed.readAll({ afterPosition: 0, limit: 5 })).toHaveLength(2);
    expect(await feed.readAll({ afterPosition: 0 })).toHaveLength(2);
  });

  it('should read the head once for the runners polling it in the same turn', async () => {
    const { store, counter } = countingStore();
    const feed = new SharedFeed(store);
    await appendTally(store, counted('a'));

    const pages = [await feed.readAll({ afterPosition: 0, limit: 5 }), await feed.readAll({ afterPosition: 0, limit: 5 })];
    await new Promise((resolve) => setImmediate(resolve));
    await feed.readAll({ afterPosition: 0, limit: 5 });

    expect(pages.map((page) => page.length)).toEqual([1, 1]);
    expect(counter.reads).toBe(2);
  });

  it('should read again after a failed read', async () => {
    const { store, counter } = countingStore();
    await appendTally(store, counted('a'), counted('b'));
    const feed = new SharedFeed(store);
    counter.failNext = true;
    await expect(feed.readAll({ afterPosition: 0, limit: 1 })).rejects.toThrow('feed unavailable');
    expect(await feed.readAll({ afterPosition: 0, limit: 1 })).toHaveLength(1);
  });

  it('should keep only the most recent pages', async () => {
    const { store, counter } = countingStore();
    await appendTally(store, counted('a'), counted('b'), counted('c'));
    const feed = new SharedFeed(store, 2);
    for (const after of [0, 1, 2, 0]) await feed.readAll({ afterPosition: after, limit: 1 });
    expect(counter.reads).toBe(4);
    await feed.readAll({ afterPosition: 2, limit: 1 });
    expect(counter.reads).toBe(4);
  });

  it('should pass everything else straight to the event store', async () => {
    const { store } = countingStore();
    const feed = new SharedFeed(store);
    const { lastPosition } = await feed.append('s', [{ type: 'Counted', data: { key: 'a', by: 1 } }], {
      expectedVersion: 'no_stream',
      commandId: 'c1',
      actor: { id: 'u', kind: 'user' },
    });
    const streamed: number[] = [];
    for await (const event of feed.readStream('s')) streamed.push(event.position);
    expect([lastPosition, await feed.headPosition(), await feed.streamVersion('s'), streamed]).toEqual([1, 1, 1, [1]]);
    await feed.close();
    await expect(store.headPosition()).rejects.toThrow();
  });
});
