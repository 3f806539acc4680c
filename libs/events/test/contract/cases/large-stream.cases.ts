import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { EventStore, NewEvent } from '../../../src';
import { options, uniqueId } from '../support/fixtures';
import type { StoreFactory, StoreLocation } from '../support/store-factory';

const STREAM_LENGTH = 100_000;
const APPEND_SIZE = 2_000;
/** Holding all 100k events as objects takes well over 100 MB; a paging reader stays far below. */
const HEAP_GROWTH_BOUND = 40 * 1024 * 1024;

/** Jest workers start without --expose-gc; this turns it on for this worker. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function chord(n: number): NewEvent {
  return { type: 'ChordAdded', data: { n, symbol: 'Cmaj7', voicing: ['C3', 'E3', 'G3', 'B3'], comment: 'x'.repeat(200) } };
}

/** Contract G5, test 9: long histories stream in order without being loaded whole. */
export function largeStreamCases(factory: StoreFactory): void {
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

  it(`should read a stream of ${STREAM_LENGTH} events back in order in bounded memory`, async () => {
    const streamId = uniqueId('long');
    for (let from = 0; from < STREAM_LENGTH; from += APPEND_SIZE) {
      const batch = Array.from({ length: APPEND_SIZE }, (_, i) => chord(from + i + 1));
      await store.append(streamId, batch, options(from));
    }
    const gc = exposeGc();
    gc();
    const baseline = process.memoryUsage().heapUsed;

    let expectedVersion = 1;
    let peakGrowth = 0;
    for await (const event of store.readStream(streamId)) {
      if (event.version !== expectedVersion || (event.data as { n: number }).n !== expectedVersion) {
        throw new Error(`Expected version ${expectedVersion}, read ${event.version}`);
      }
      expectedVersion += 1;
      if (event.version % 20_000 === 0) {
        gc();
        peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
      }
    }

    expect(expectedVersion - 1).toBe(STREAM_LENGTH);
    expect(peakGrowth).toBeLessThan(HEAP_GROWTH_BOUND);
  }, 60_000);
}
