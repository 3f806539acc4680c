import { InMemoryEventStore } from '@bandpro/events';
import { InMemoryReadModelStore } from '@bandpro/read-models';
import fc from 'fast-check';
import { ProjectionRunner } from '../src/runtime/projection-runner';
import { appendTally, cleared, counted, moved, tallyProjection, touched } from './fixtures/tally.projection';

const key = fc.constantFrom('a', 'b', 'c', 'd');
const tallyEvent = fc.oneof(
  { arbitrary: fc.tuple(key, fc.integer({ min: -5, max: 5 })).map(([k, by]) => counted(k, by)), weight: 5 },
  { arbitrary: fc.tuple(key, key, fc.integer({ min: 1, max: 3 })).filter(([f, t]) => f !== t).map(([f, t, n]) => moved(f, t, n)), weight: 2 },
  { arbitrary: key.map(cleared), weight: 1 },
  { arbitrary: key.map(touched), weight: 1 },
);
/** A history: appends of 1-3 events, each followed by a live catch-up or not. */
const history = fc.array(fc.record({ events: fc.array(tallyEvent, { minLength: 1, maxLength: 3 }), catchUp: fc.boolean() }), { maxLength: 25 });

/** Contract test 8 on the runtime alone: live in small steps and a rebuild from 0 agree. */
describe('rebuild from position 0 against live processing (tally)', () => {
  it('should give exactly the read model that live processing gave', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.integer({ min: 1, max: 4 }), async (steps, batchSize) => {
        const events = new InMemoryEventStore();
        const liveStore = new InMemoryReadModelStore();
        const live = new ProjectionRunner({ projection: tallyProjection, events, store: liveStore, batchSize, cacheSize: 2 });
        for (const step of steps) {
          await appendTally(events, ...step.events);
          if (step.catchUp) await live.catchUp();
        }
        await live.catchUp();

        const rebuiltStore = new InMemoryReadModelStore();
        await new ProjectionRunner({ projection: tallyProjection, events, store: rebuiltStore }).rebuild();

        expect(await rebuiltStore.find('tally')).toEqual(await liveStore.find('tally'));
        expect(await rebuiltStore.checkpoint('tally')).toEqual(await liveStore.checkpoint('tally'));
      }),
      { numRuns: 100 },
    );
  });
});
