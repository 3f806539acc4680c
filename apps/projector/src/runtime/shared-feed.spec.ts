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

  it('should read a short page at the head again, since it can still grow', async () => {
    const { store } = countingStore();
    const feed = new SharedFeed(store);
    await appendTally(store, counted('a'));
    expect(await feed.readAll({ afterPosition: 0, limit: 5 })).toHaveLength(1);
    await appendTally(store, counted('b'));
    expect(await feed.readAll({ afterPosition: 0, limit: 5 })).toHaveLength(2);
    expect(await feed.readAll({ afterPosition: 0 })).toHaveLength(2);
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
