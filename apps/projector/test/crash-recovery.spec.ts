import { cleanRebuild, SqliteFixture, talliesIn } from './fixtures/sqlite-fixture';
import { withCommitFault, type FaultMoment } from './fixtures/faulty-store';
import { TestClock, eventually, RecordingLogger } from './fixtures/runner-harness';
import { appendTally, counted, expectedTallies, moved, cleared } from './fixtures/tally.projection';
import { ProjectionRunner } from '../src/runtime/projection-runner';
import { tallyProjection } from './fixtures/tally.projection';
import type { EventStore } from '@bandpro/events';
import type { ReadModelStore } from '@bandpro/read-models';

/** Contract test 7, in one process: a crash between a projection's work and its checkpoint. */
describe('crash between the work and the checkpoint', () => {
  let fixture: SqliteFixture;
  let clock: TestClock;
  let events: EventStore;

  beforeEach(async () => {
    fixture = new SqliteFixture();
    clock = new TestClock();
    events = fixture.events();
    for (let i = 0; i < 6; i++) await appendTally(events, counted(`k${i % 3}`, i + 1), moved(`k${i % 3}`, `k${(i + 1) % 3}`, 1));
  });

  afterEach(async () => {
    await fixture.dispose();
  });

  const runner = (store: ReadModelStore = fixture.readModels(clock.ms), ownerId = 'crashing') =>
    new ProjectionRunner({ projection: tallyProjection, events, store, ownerId, clock: clock.ms, batchSize: 3 });

  async function appendMore(): Promise<void> {
    for (let i = 0; i < 5; i++) await appendTally(events, counted(`k${i % 4}`, 10 * i), moved(`k${i % 4}`, 'k9', 2));
    await appendTally(events, cleared('k1'));
  }

  it.each<FaultMoment>(['before-commit', 'after-commit'])(
    'should give the same read model after a crash %s, once a restarted projector gets the batch again',
    async (moment) => {
      await runner().catchUp();
      await appendMore();
      const crashing = runner(withCommitFault(fixture.readModels(clock.ms), 2, moment));
      await expect(crashing.catchUp()).rejects.toThrow(/injected crash/);
      const afterCrash = await fixture.readModels().checkpoint('tally');
      expect(afterCrash.position).toBeLessThan(await events.headPosition());

      clock.now += 60_000;
      const restarted = runner(fixture.readModels(clock.ms), 'restarted');
      await restarted.catchUp();

      const readModel = await talliesIn(fixture.readModels());
      expect(readModel).toEqual(await expectedTallies(events));
      expect(readModel).toEqual(await cleanRebuild(events));
    },
  );

  it('should change nothing when the same runner gets a batch again whose commit did land', async () => {
    await runner().catchUp();
    await appendMore();
    const store = withCommitFault(fixture.readModels(clock.ms), 1, 'after-commit');
    const same = runner(store, 'crashing');
    await expect(same.catchUp()).rejects.toThrow(/after the commit/);

    await same.catchUp();

    expect(await talliesIn(store)).toEqual(await expectedTallies(events));
    expect((await store.checkpoint('tally')).position).toBe(await events.headPosition());
  });

  it('should log a failed commit while running, retry, and converge on the same read model', async () => {
    await runner().catchUp();
    await appendMore();
    const logger = new RecordingLogger();
    const store = withCommitFault(fixture.readModels(clock.ms), 1, 'before-commit');
    const live = new ProjectionRunner({ projection: tallyProjection, events, store, ownerId: 'crashing', clock: clock.ms, batchSize: 3, pollIntervalMs: 5, logger });
    live.start();

    const head = await events.headPosition();
    await eventually(async () => (await store.checkpoint('tally')).position === head);
    await live.stop();

    expect(logger.lines).toContainEqual('error tally: batch failed, will retry: injected crash before the commit');
    expect(await talliesIn(store)).toEqual(await cleanRebuild(events));
  });
});
