import { createHash } from 'node:crypto';
import type { EventStore, StoredEvent } from '../../../src';
import { StoreChild } from '../support/child-process';
import { notes, options } from '../support/fixtures';
import type { SharedStoreSettings, StoreFactory, StoreLocation } from '../support/store-factory';

async function readWholeFeed(store: EventStore): Promise<StoredEvent[]> {
  const feed: StoredEvent[] = [];
  for (let page = await store.readAll(); page.length > 0; page = await store.readAll({ afterPosition: page[page.length - 1].position })) {
    feed.push(...page);
  }
  return feed;
}

function expectOneCleanFeed(feed: StoredEvent[]): void {
  expect(feed.map((event) => event.position)).toEqual(feed.map((_, index) => index + 1));
  expect(new Set(feed.map((event) => event.eventId)).size).toBe(feed.length);
  const versions = new Map<string, number[]>();
  for (const event of feed) versions.set(event.streamId, [...(versions.get(event.streamId) ?? []), event.version]);
  for (const [, seen] of versions) expect(seen).toEqual(seen.map((_, index) => index + 1));
}

/** Contract G4, G11; tests 5, 6 and 12: stores in several OS processes sharing one location. */
export function processCases(factory: StoreFactory): void {
  let location: StoreLocation;
  let shared: SharedStoreSettings;
  let store: EventStore | undefined;

  beforeEach(async () => {
    location = await factory.newLocation();
    shared = location.shared as SharedStoreSettings;
  });
  afterEach(async () => {
    await StoreChild.killAll();
    await store?.close();
    store = undefined;
    await location.dispose();
  });

  it('should keep readers and the feed behind a slow writer until it commits, then deliver it first', async () => {
    store = await location.open();
    await store.append('seed', notes(1), options('no_stream'));
    const slow = new StoreChild('slow-writer.ts', shared, { HOLD_MS: '1500' });
    await slow.waitForLines((line) => line === 'holding');

    const startedReading = Date.now();
    const checkpoint = await store.headPosition();
    const visibleWhileHeld = await store.readAll();
    const readMs = Date.now() - startedReading;
    const [b, c] = await Promise.all([store.append('b', notes(1), options('no_stream')), store.append('c', notes(1), options('no_stream'))]);

    const [committed] = await slow.waitForLines((line) => line.startsWith('committed '));
    expect(await slow.exited).toEqual({ code: 0, signal: null });
    expect(checkpoint).toBe(1);
    expect(visibleWhileHeld.map((event) => event.streamId)).toEqual(['seed']);
    expect(readMs).toBeLessThan(1000);
    expect(JSON.parse(committed.slice('committed '.length))).toEqual([2, 3]);
    const feed = await store.readAll({ afterPosition: checkpoint });
    // B and C may commit in either order; both only after the slow writer.
    expect(feed.map((event) => event.streamId).slice(0, 2)).toEqual(['slow-writer', 'slow-writer']);
    expect(feed.map((event) => event.streamId).slice(2).sort()).toEqual(['b', 'c']);
    expect([b.lastPosition, c.lastPosition].sort()).toEqual([4, 5]);
  }, 60_000);

  it('should give two processes appending at the same time one global order that both see', async () => {
    const waves = 150;
    const total = 2 * 2 * waves;
    const env = (name: string) => ({ WRITER_NAME: name, WAVES: String(waves), TOTAL_EVENTS: String(total) });
    const writers = [new StoreChild('concurrent-writer.ts', shared, env('a')), new StoreChild('concurrent-writer.ts', shared, env('b'))];

    for (const writer of writers) await writer.waitForLines((line) => line === 'ready');
    for (const writer of writers) writer.send('go');
    const reports = await Promise.all(writers.map((writer) => writer.waitForLines((line) => line.startsWith('done '), 1, 60_000)));
    for (const writer of writers) expect(await writer.exited).toMatchObject({ code: 0 });

    store = await location.open();
    const feed = await readWholeFeed(store);
    expectOneCleanFeed(feed);
    expect(feed).toHaveLength(total);
    const digest = createHash('sha256').update(feed.map((event) => event.eventId).join(',')).digest('hex');
    for (const [line] of reports) {
      expect(JSON.parse(line.slice('done '.length))).toEqual({ digest, count: total, fromOther: total / 2 });
    }
    const sharedStream = feed.filter((event) => event.streamId === 'shared');
    expect(new Set(sharedStream.map((event) => event.metadata.actor.id))).toEqual(new Set(['a', 'b']));
  }, 90_000);

  it('should keep every acknowledged append, with no gap and no duplicate, after a kill -9 mid-burst', async () => {
    const burst = new StoreChild('burst-writer.ts', shared);
    await burst.waitForLines((line) => line.startsWith('ack '), 300, 60_000);
    burst.kill('SIGKILL');
    expect(await burst.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const acked = burst.lines
      .filter((line) => line.startsWith('ack '))
      .flatMap((line) => JSON.parse(line.slice('ack '.length)) as Array<Pick<StoredEvent, 'eventId' | 'streamId' | 'version' | 'position'>>);

    store = await location.open();
    const feed = await readWholeFeed(store);

    expectOneCleanFeed(feed);
    const byId = new Map(feed.map((event) => [event.eventId, event]));
    for (const ack of acked) expect(byId.get(ack.eventId)).toMatchObject(ack);
    expect(feed.length).toBeGreaterThanOrEqual(acked.length);
    for (const streamId of new Set(feed.map((event) => event.streamId))) {
      expect(await store.streamVersion(streamId)).toBe(feed.filter((event) => event.streamId === streamId).length);
    }
  }, 90_000);
}
