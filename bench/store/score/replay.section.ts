import { evolve, evolveAll, initialScoreState, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import { isDeepStrictEqual } from 'node:util';
import { atLeast } from '../../harness/figure';
import { median, perSecond } from '../../harness/stats';
import { repeat, type Section } from '../../harness/suite';
import { WorkloadCheckError } from '../appends/appender';
import { benchScoreHistory } from './shared-history';

/**
 * The API's loader folds a history run by run between the boundary states it keeps (SNAPSHOT_EVERY,
 * 500 by default): one `evolveAll` call per run, as AggregateLoader makes them.
 */
const RUN = 500;

function replayInRuns(events: readonly ScoreEvent[]): ScoreState {
  let state = initialScoreState();
  for (let from = 0; from < events.length; from += RUN) state = evolveAll(state, events.slice(from, from + RUN));
  return state;
}

/** Pure replay: the domain's batch fold over the score's events already in memory (no I/O, no parsing). */
export const replaySection: Section = {
  name: 'replay',
  async run(context) {
    const history = benchScoreHistory(context.progress);
    const replay = (): ScoreState => replayInRuns(history.events);
    // One untimed pass first, so the figure is the optimised code's, not the interpreter's.
    const replayed = replay();
    if (!isDeepStrictEqual(replayed, history.state) || !isDeepStrictEqual(replayed, history.events.reduce(evolve, initialScoreState()))) {
      throw new WorkloadCheckError('replaying the generated events does not give the state decide saw, or differs from evolve one by one');
    }
    const rates = await repeat(context, `replay ${history.events.length} events`, async () => {
      const startedAt = performance.now();
      replay();
      return perSecond(history.events.length, performance.now() - startedAt);
    });
    context.report({ name: 'replay.events_per_s', value: median(rates), unit: 'events/s', target: atLeast(500_000) });
  },
};
