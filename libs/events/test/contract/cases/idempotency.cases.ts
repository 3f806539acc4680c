import { IdempotencyConflictError, type EventStore } from '../../../src';
import { actor, collect, noteAdded, notes, options, uniqueId } from '../support/fixtures';
import type { StoreFactory, StoreLocation } from '../support/store-factory';

/** Contract G3, test 3. */
export function idempotencyCases(factory: StoreFactory): void {
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

  it('should return the first result and append nothing when a commandId is retried', async () => {
    const streamId = uniqueId('retry');
    const first = await store.append(streamId, notes(3), options('no_stream', { commandId: 'retry-1' + streamId }));
    const head = await store.headPosition();

    const retry = await store.append(streamId, notes(3), options('no_stream', { commandId: 'retry-1' + streamId }));

    expect(retry).toEqual({ ...first, duplicate: true });
    expect(await store.headPosition()).toBe(head);
    expect(await store.streamVersion(streamId)).toBe(3);
  });

  it('should treat a retry whose data lists its keys in another order as the same command', async () => {
    const streamId = uniqueId('retry-order');
    const commandId = uniqueId('cmd');
    await store.append(streamId, [{ type: 'T', data: { a: 1, b: { c: 2, d: [1, 2] } } }], options('any', { commandId }));

    const retry = await store.append(streamId, [{ type: 'T', data: { b: { d: [1, 2], c: 2 }, a: 1 } }], options('any', { commandId }));

    expect(retry.duplicate).toBe(true);
    expect(await store.streamVersion(streamId)).toBe(1);
  });

  it.each([
    ['other data', 'same', [noteAdded(1, { pitch: 'D4' })]],
    ['another stream', 'other', [noteAdded(1)]],
    ['another event type', 'same', [{ type: 'NoteRemoved', data: { n: 1, pitch: 'C4' } }]],
    ['another schema version', 'same', [{ ...noteAdded(1), schemaVersion: 2 }]],
    ['more events', 'same', notes(2)],
  ])('should reject the same commandId with %s as an idempotency conflict', async (_, stream, events) => {
    const streamId = uniqueId('conflict');
    const commandId = uniqueId('cmd');
    await store.append(streamId, [noteAdded(1)], options('any', { commandId }));
    const head = await store.headPosition();

    const target = stream === 'same' ? streamId : uniqueId('conflict-other');
    const attempt = store.append(target, events, options('any', { commandId }));

    await expect(attempt).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', commandId });
    expect(await store.headPosition()).toBe(head);
  });

  it('should append once when the same command arrives twice in the same moment', async () => {
    const streamId = uniqueId('twin');
    const twin = options('no_stream');

    const [a, b] = await Promise.all([store.append(streamId, notes(2), twin), store.append(streamId, notes(2), twin)]);

    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(b.events.map((event) => event.eventId)).toEqual(a.events.map((event) => event.eventId));
    expect(await collect(store.readStream(streamId))).toHaveLength(2);
  });

  it('should not spend a commandId on an append that failed', async () => {
    const streamId = uniqueId('spent');
    const commandId = uniqueId('cmd');
    await expect(store.append(streamId, notes(1), { expectedVersion: 5, commandId, actor })).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_VERSION',
    });

    const result = await store.append(streamId, notes(1), { expectedVersion: 'no_stream', commandId, actor });

    expect(result).toMatchObject({ duplicate: false, nextExpectedVersion: 1 });
  });
}
