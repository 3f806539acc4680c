import { WrongExpectedVersionError, type EventStore, type ExpectedVersion } from '../../../src';
import { collect, noteAdded, notes, options, range, uniqueId } from '../support/fixtures';
import type { StoreFactory, StoreLocation } from '../support/store-factory';

type StreamState = 'absent' | 'at version 2';
type Outcome = 'append' | 'reject';

/** Contract G1, tests 1 and 2. */
export function concurrencyCases(factory: StoreFactory): void {
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

  it('should let exactly one of 50 parallel appends with the same expected version win', async () => {
    const streamId = uniqueId('race');
    await store.append(streamId, notes(1), options('no_stream'));

    const outcomes = await Promise.allSettled(range(50).map((i) => store.append(streamId, [noteAdded(i)], options(1))));

    const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const error of losers) {
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', streamId, expected: 1, actual: 2 });
    }
    expect((await collect(store.readStream(streamId))).map((event) => event.version)).toEqual([1, 2]);
  });

  it('should let exactly one of 20 parallel creations of the same stream win', async () => {
    const streamId = uniqueId('create-race');

    const outcomes = await Promise.allSettled(range(20).map(() => store.append(streamId, notes(3), options('no_stream'))));

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await store.streamVersion(streamId)).toBe(3);
  });

  const table: Array<[Outcome, ExpectedVersion, StreamState]> = [
    ['append', 'any', 'absent'],
    ['append', 'any', 'at version 2'],
    ['append', 'no_stream', 'absent'],
    ['reject', 'no_stream', 'at version 2'],
    ['reject', 'stream_exists', 'absent'],
    ['append', 'stream_exists', 'at version 2'],
    ['append', 0, 'absent'],
    ['reject', 0, 'at version 2'],
    ['reject', 2, 'absent'],
    ['append', 2, 'at version 2'],
    ['reject', 1, 'at version 2'],
    ['reject', 3, 'at version 2'],
  ];

  it.each(table)('should %s given expected version %p and a stream %s', async (outcome, expected, state) => {
    const streamId = uniqueId('mode');
    const before = state === 'absent' ? 0 : 2;
    if (before > 0) await store.append(streamId, notes(before), options('no_stream'));

    const attempt = store.append(streamId, [noteAdded(99)], options(expected));

    if (outcome === 'append') {
      await expect(attempt).resolves.toMatchObject({ nextExpectedVersion: before + 1, duplicate: false });
    } else {
      await expect(attempt).rejects.toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected, actual: before });
    }
    expect(await store.streamVersion(streamId)).toBe(outcome === 'append' ? before + 1 : before);
  });
}
