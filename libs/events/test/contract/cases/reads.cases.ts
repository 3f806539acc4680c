import { InvalidAppendError, InvalidReadError, StoreUnavailableError, type EventStore } from '../../../src';
import { actor, collect, notes, options, uniqueId } from '../support/fixtures';
import type { StoreFactory, StoreLocation } from '../support/store-factory';

/** Contract G5 (reads) and the input checks every adapter shares. */
export function readCases(factory: StoreFactory): void {
  let location: StoreLocation;
  let store: EventStore;

  beforeAll(async () => {
    location = await factory.newLocation();
    store = await location.open();
  });
  afterAll(async () => {
    await store.close();
    await location.dispose();
  });

  it('should start empty', async () => {
    const fresh = await factory.newLocation();
    const empty = await fresh.open();
    expect(await empty.headPosition()).toBe(0);
    expect(await empty.readAll()).toEqual([]);
    expect(await empty.streamVersion('nothing')).toBe(0);
    expect(await collect(empty.readStream('nothing'))).toEqual([]);
    await empty.close();
    await fresh.dispose();
  });

  it('should read a slice of a stream between two versions, inclusive', async () => {
    const streamId = uniqueId('slice');
    await store.append(streamId, notes(10), options('no_stream'));
    await store.append(uniqueId('other'), notes(2), options('no_stream'));

    const slice = await collect(store.readStream(streamId, { fromVersion: 4, toVersion: 6 }));
    const tail = await collect(store.readStream(streamId, { fromVersion: 9 }));
    const none = await collect(store.readStream(streamId, { fromVersion: 11 }));

    expect(slice.map((event) => event.version)).toEqual([4, 5, 6]);
    expect(tail.map((event) => event.data)).toEqual([{ n: 9, pitch: 'C4' }, { n: 10, pitch: 'C4' }]);
    expect(none).toEqual([]);
  });

  it('should page through the global feed in position order', async () => {
    const a = await store.append(uniqueId('feed-a'), notes(3), options('no_stream'));
    const b = await store.append(uniqueId('feed-b'), notes(2), options('no_stream'));
    const start = a.events[0].position - 1;

    const page1 = await store.readAll({ afterPosition: start, limit: 4 });
    const page2 = await store.readAll({ afterPosition: page1[page1.length - 1].position, limit: 4 });

    const ids = [...page1, ...page2].map((event) => event.eventId);
    expect(ids).toEqual([...a.events, ...b.events].map((event) => event.eventId));
    expect(page1).toHaveLength(4);
    expect(await store.headPosition()).toBe(b.lastPosition);
  });

  it('should read past the default page of 1000 only when asked', async () => {
    const streamId = uniqueId('big-page');
    const result = await store.append(streamId, notes(1100), options('no_stream'));
    const start = result.events[0].position - 1;

    expect(await store.readAll({ afterPosition: start })).toHaveLength(1000);
    expect(await store.readAll({ afterPosition: start, limit: 5000 })).toHaveLength(1100);
    expect((await collect(store.readStream(streamId))).map((event) => event.version)).toEqual(
      Array.from({ length: 1100 }, (_, i) => i + 1),
    );
  });

  it.each([
    ['an empty stream id', '', notes(1), options('any')],
    ['no events', 's', [], options('any')],
    ['an event without a type', 's', [{ type: '', data: {} }], options('any')],
    ['a schema version of 0', 's', [{ type: 'T', data: {}, schemaVersion: 0 }], options('any')],
    ['a negative expected version', 's', notes(1), options(-1)],
    ['an unknown expected version', 's', notes(1), options('latest' as never)],
    ['an empty commandId', 's', notes(1), options('any', { commandId: '' })],
    ['an unknown actor kind', 's', notes(1), options('any', { actor: { id: 'u', kind: 'robot' as never } })],
    ['an actor without id', 's', notes(1), options('any', { actor: { id: '', kind: 'user' } })],
  ])('should refuse an append with %s', async (_, streamId, events, appendOptions) => {
    await expect(store.append(streamId, events, appendOptions)).rejects.toBeInstanceOf(InvalidAppendError);
  });

  it.each([
    ['readStream from version 0', (s: EventStore) => collect(s.readStream('s', { fromVersion: 0 }))],
    ['readStream of an empty id', (s: EventStore) => collect(s.readStream(''))],
    ['readStream to version 1.5', (s: EventStore) => collect(s.readStream('s', { toVersion: 1.5 }))],
    ['readAll after position -1', (s: EventStore) => s.readAll({ afterPosition: -1 })],
    ['readAll with a limit of 0', (s: EventStore) => s.readAll({ limit: 0 })],
  ])('should refuse %s', async (_, read) => {
    await expect(read(store)).rejects.toBeInstanceOf(InvalidReadError);
  });

  it('should fail every call with StoreUnavailableError once closed', async () => {
    const fresh = await factory.newLocation();
    const closing = await fresh.open();
    await closing.close();
    await fresh.dispose();

    await expect(closing.append('s', notes(1), { expectedVersion: 'any', commandId: 'c', actor })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    await expect(closing.readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(collect(closing.readStream('s'))).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(closing.streamVersion('s')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(closing.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(closing.close()).resolves.toBeUndefined();
  });
}
