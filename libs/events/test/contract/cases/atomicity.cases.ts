import { InvalidAppendError, type EventStore, type NewEvent, type StoredEvent } from '../../../src';
import { collect, noteAdded, notes, options, uniqueId } from '../support/fixtures';
import type { StoreFactory, StoreLocation } from '../support/store-factory';

class InjectedFailure extends Error {
  readonly code = 'INJECTED';
}

const poison: NewEvent = { type: 'Poison', data: { reason: 'fails after the events before it were written' } };

/** Contract G2, test 4: an append is all or nothing, and its failure is its own. */
export function atomicityCases(factory: StoreFactory): void {
  let location: StoreLocation;
  let store: EventStore;
  const hookSaw: StoredEvent[][] = [];

  beforeAll(async () => {
    location = await factory.newLocation();
    store = await location.open({
      hooks: {
        beforeCommit(events) {
          hookSaw.push([...events]);
          if (events.some((event) => event.type === 'Poison')) throw new InjectedFailure('injected');
        },
      },
    });
  });
  afterAll(async () => {
    await store.close();
    await location.dispose();
  });

  it('should show none of an append\'s events when it fails after writing some of them', async () => {
    const streamId = uniqueId('atomic');
    await store.append(streamId, notes(1), options('no_stream'));
    const head = await store.headPosition();

    const attempt = store.append(streamId, [noteAdded(2), poison, noteAdded(3)], options(1));

    await expect(attempt).rejects.toBeInstanceOf(InjectedFailure);
    expect(hookSaw[hookSaw.length - 1].map((event) => event.version)).toEqual([2, 3, 4]);
    expect(await store.streamVersion(streamId)).toBe(1);
    expect(await store.headPosition()).toBe(head);
    expect((await store.readAll({ afterPosition: head - 1 })).map((event) => event.streamId)).toEqual([streamId]);
    expect(await collect(store.readStream(streamId))).toHaveLength(1);
  });

  it('should commit the neighbours of a failing append that arrived in the same moment', async () => {
    const [left, middle, right] = [uniqueId('left'), uniqueId('middle'), uniqueId('right')];

    const outcomes = await Promise.allSettled([
      store.append(left, notes(2), options('no_stream')),
      store.append(middle, [noteAdded(1), poison], options('no_stream')),
      store.append(right, notes(2), options('no_stream')),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.streamVersion(left)).toBe(2);
    expect(await store.streamVersion(middle)).toBe(0);
    expect(await store.streamVersion(right)).toBe(2);
    const feed = await store.readAll({ afterPosition: 0, limit: 100_000 });
    expect(feed.filter((event) => event.streamId === middle)).toEqual([]);
    expect(feed.filter((event) => event.streamId === right).map((event) => event.version)).toEqual([1, 2]);
  });

  it('should not spend the commandId of a failed append', async () => {
    const streamId = uniqueId('atomic-retry');
    const retried = options('no_stream');
    await expect(store.append(streamId, [poison], retried)).rejects.toBeInstanceOf(InjectedFailure);

    const result = await store.append(streamId, notes(1), retried);

    expect(result).toMatchObject({ duplicate: false, nextExpectedVersion: 1 });
  });

  it.each([
    ['a BigInt', { big: BigInt(1) }],
    ['a cycle', (() => { const cyclic: Record<string, unknown> = {}; cyclic.self = cyclic; return cyclic; })()],
    ['undefined', undefined],
  ])('should reject data holding %s before writing anything', async (_, data) => {
    const streamId = uniqueId('unserialisable');
    const head = await store.headPosition();

    const attempt = store.append(streamId, [noteAdded(1), { type: 'Bad', data }], options('any'));

    await expect(attempt).rejects.toBeInstanceOf(InvalidAppendError);
    expect(await store.headPosition()).toBe(head);
    expect(await store.streamVersion(streamId)).toBe(0);
  });
}
