import { UpcasterChain, type EventStore } from '../../../src';
import { actor, collect, notes, options, uniqueId } from '../support/fixtures';
import type { StoreFactory, StoreLocation } from '../support/store-factory';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const serverTime = new Date('2031-04-05T06:07:08.009Z');

/** A score that was once called a "song": v1 { name } became v2 { title }. */
const renames = new UpcasterChain([
  { type: 'SongRenamed', fromSchemaVersion: 1, upcast: (data) => ({ title: (data as { name: string }).name }) },
]);

/** Contract G10 (metadata) and G8 (upcasting on read). */
export function metadataCases(factory: StoreFactory): void {
  let location: StoreLocation;
  let store: EventStore;

  beforeAll(async () => {
    location = await factory.newLocation();
    store = await location.open({ clock: () => serverTime, upcasters: renames });
  });
  afterAll(async () => {
    await store.close();
    await location.dispose();
  });

  it('should stamp every event with an id, its place and the server time', async () => {
    const streamId = uniqueId('meta');

    const result = await store.append(streamId, notes(3), options('no_stream', { commandId: 'cmd-meta-' + streamId }));

    const stored = await collect(store.readStream(streamId));
    expect(stored).toEqual(result.events);
    expect(new Set(stored.map((event) => event.eventId)).size).toBe(3);
    for (const [index, event] of stored.entries()) {
      expect(event.eventId).toMatch(UUID);
      expect(event).toMatchObject({ streamId, version: index + 1, type: 'NoteAdded', schemaVersion: 1 });
      expect(event.data).toEqual({ n: index + 1, pitch: 'C4' });
      expect(event.metadata).toEqual({
        commandId: 'cmd-meta-' + streamId,
        correlationId: 'cmd-meta-' + streamId,
        causationId: 'cmd-meta-' + streamId,
        actor,
        recordedAt: serverTime.toISOString(),
      });
    }
    expect(stored[1].position).toBeGreaterThan(stored[0].position);
    expect(stored[2].position).toBe(result.lastPosition);
    expect(result.nextExpectedVersion).toBe(3);
  });

  it('should keep the correlation, causation and client ids a caller gives', async () => {
    const streamId = uniqueId('meta-ids');
    const given = { correlationId: 'corr-1', causationId: 'cause-1', clientId: 'tab-7' };

    await store.append(streamId, notes(1), options('any', { ...given, actor: { id: 'key-9', kind: 'api-key' } }));

    const [event] = await collect(store.readStream(streamId));
    expect(event.metadata).toMatchObject({ ...given, actor: { id: 'key-9', kind: 'api-key' } });
  });

  it('should hand readers today\'s schema of an event written with an old one', async () => {
    const streamId = uniqueId('upcast');

    const result = await store.append(
      streamId,
      [{ type: 'SongRenamed', schemaVersion: 1, data: { name: 'Blue in Green' } }, { type: 'SongRenamed', data: { title: 'So What' } }],
      options('no_stream'),
    );

    const expected = [
      { schemaVersion: 2, data: { title: 'Blue in Green' } },
      { schemaVersion: 2, data: { title: 'So What' } },
    ];
    expect(result.events).toMatchObject(expected);
    expect(await collect(store.readStream(streamId))).toMatchObject(expected);
    const feed = await store.readAll({ afterPosition: result.lastPosition - 2, limit: 2 });
    expect(feed).toMatchObject(expected);
  });

  it('should not let a caller change stored events by mutating what it appended or read', async () => {
    const streamId = uniqueId('mutate');
    const data = { n: 1, pitch: 'C4' };
    const result = await store.append(streamId, [{ type: 'NoteAdded', data }], options('no_stream'));

    data.pitch = 'X';
    (result.events[0].data as { pitch: string }).pitch = 'Y';
    const [read] = await collect(store.readStream(streamId));
    (read.data as { pitch: string }).pitch = 'Z';
    read.metadata.actor.id = 'intruder';

    const [again] = await collect(store.readStream(streamId));
    expect(again.data).toEqual({ n: 1, pitch: 'C4' });
    expect(again.metadata.actor).toEqual(actor);
  });
}
