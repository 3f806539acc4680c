import { isActiveScore, type ScoreState } from '@bandpro/domain';
import { arbitraryScoreHistory, run, type ScoreHistory } from '@bandpro/domain/testing';
import { InMemoryEventStore, type EventStore } from '@bandpro/events';
import { InMemoryReadModelStore, type ReadModelStore } from '@bandpro/read-models';
import fc from 'fast-check';
import { executeScoreCommand } from '../src/demo/execute-score-command';
import { SCORE_PROJECTIONS } from '../src/projections/score-projections';
import { ProjectionRunner } from '../src/runtime/projection-runner';
import { SqliteFixture } from './fixtures/sqlite-fixture';

// Four projections over a hundred random histories: seconds of work, more on a busy machine.
jest.setTimeout(30_000);

const histories = fc.uniqueArray(arbitraryScoreHistory({ maxCommands: 30 }), { minLength: 1, maxLength: 3, selector: (h) => h.scoreId });
const schedule = fc.array(fc.boolean(), { minLength: 1, maxLength: 12 });

/** Appends the histories' commands round robin; after each, the live runners catch up when the schedule says so. */
async function liveRun(histories: ScoreHistory[], catchUpAfter: boolean[], events: EventStore, runners: ProjectionRunner[]): Promise<void> {
  const queues = histories.map((h) => [...h.commands]);
  for (let i = 0; queues.some((q) => q.length > 0); i++) {
    const index = i % histories.length;
    const command = queues[index].shift();
    if (command) await executeScoreCommand(events, histories[index].scoreId, command);
    if (catchUpAfter[i % catchUpAfter.length]) for (const runner of runners) await runner.catchUp();
  }
  for (const runner of runners) await runner.catchUp();
}

async function readModels(store: ReadModelStore): Promise<Record<string, object[]>> {
  return Object.fromEntries(await Promise.all(SCORE_PROJECTIONS.map(async (p) => [p.collection, await store.find(p.collection)])));
}

function catalogueRowOf(state: ScoreState, updatedAt: string) {
  if (!isActiveScore(state)) return undefined;
  const { scoreId, title, composer, ownerId } = state;
  const parts = state.parts.map(({ id, name, instrumentId }) => ({ id, name, instrumentId }));
  return { scoreId, title, composer, ownerId, parts, barCount: state.measures.length, updatedAt };
}

async function checkAgainstDomain(histories: ScoreHistory[], events: EventStore, store: ReadModelStore): Promise<void> {
  for (const { scoreId, commands } of histories) {
    const { state } = run(commands);
    let lastRecordedAt = '';
    for await (const event of events.readStream(scoreId)) lastRecordedAt = event.metadata.recordedAt;
    expect(await store.get('score-document', scoreId)).toEqual(isActiveScore(state) ? state : undefined);
    expect(await store.get('score-catalogue', scoreId)).toEqual(catalogueRowOf(state, lastRecordedAt));
  }
}

/** Contract test 8: for random command histories, a rebuild from position 0 gives exactly what live processing gave. */
describe('rebuild from position 0 against live processing (score projections)', () => {
  it('should agree, and agree with the domain, on the in-memory stores', async () => {
    await fc.assert(
      fc.asyncProperty(histories, schedule, fc.integer({ min: 1, max: 6 }), async (scores, catchUpAfter, batchSize) => {
        const events = new InMemoryEventStore();
        const live = new InMemoryReadModelStore();
        const runners = SCORE_PROJECTIONS.map((projection) => new ProjectionRunner({ projection, events, store: live, batchSize, cacheSize: 1 }));
        await liveRun(scores, catchUpAfter, events, runners);

        const rebuilt = new InMemoryReadModelStore();
        for (const projection of SCORE_PROJECTIONS) await new ProjectionRunner({ projection, events, store: rebuilt }).rebuild();

        expect(await readModels(rebuilt)).toEqual(await readModels(live));
        expect(await live.listDeadLetters('score-document')).toEqual([]);
        expect(await live.listDeadLetters('score-catalogue')).toEqual([]);
        await checkAgainstDomain(scores, events, live);
      }),
      { numRuns: 100 },
    );
  });

  it('should agree on the SQLite stores, rebuilt in place by generation swap', async () => {
    await fc.assert(
      fc.asyncProperty(histories, schedule, fc.integer({ min: 1, max: 6 }), async (scores, catchUpAfter, batchSize) => {
        const fixture = new SqliteFixture();
        try {
          const events = fixture.events();
          const store = fixture.readModels();
          const runners = SCORE_PROJECTIONS.map((projection) => new ProjectionRunner({ projection, events, store, batchSize, ownerId: 'live' }));
          await liveRun(scores, catchUpAfter, events, runners);
          const before = await readModels(store);

          for (const runner of runners) await runner.rebuild();

          expect(await readModels(store)).toEqual(before);
          await checkAgainstDomain(scores, events, store);
        } finally {
          await fixture.dispose();
        }
      }),
      { numRuns: 10 },
    );
  });
});
