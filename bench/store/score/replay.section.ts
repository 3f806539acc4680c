import { evolve, evolveAll, initialScoreState, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import { isDeepStrictEqual } from 'node:util';
import { atLeast } from '../../harness/figure';
import { median, perSecond } from '../../harness/stats';
import { repeat, type SuiteContext, type Section } from '../../harness/suite';
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

/**
 * The events as the loader gets them from a store: `{ type, data }` parsed from JSON (SQLite rows). The
 * objects decide builds in memory differ in one way that matters here: V8 gives most of them a hidden
 * class of their own (spread-then-add literals), so every field read misses its inline cache; no load
 * replays those, so their figure is informational.
 */
function asStored(events: readonly ScoreEvent[]): ScoreEvent[] {
  return events.map((e) => JSON.parse(JSON.stringify({ type: e.type, data: e.data })) as ScoreEvent);
}

async function measure(context: SuiteContext, label: string, events: readonly ScoreEvent[]): Promise<number> {
  const rates = await repeat(context, label, async () => {
    const startedAt = performance.now();
    replayInRuns(events);
    return perSecond(events.length, performance.now() - startedAt);
  });
  return median(rates);
}

/** Pure replay: the domain's batch fold over the score's events already in memory (no I/O, no parsing timed). */
export const replaySection: Section = {
  name: 'replay',
  async run(context) {
    const history = benchScoreHistory(context.progress);
    const stored = asStored(history.events);
    // One untimed pass of each first, so the figures are the optimised code's, not the interpreter's.
    for (const events of [stored, history.events]) {
      const replayed = replayInRuns(events);
      if (!isDeepStrictEqual(replayed, history.state) || !isDeepStrictEqual(replayed, events.reduce(evolve, initialScoreState()))) {
        throw new WorkloadCheckError('replaying the generated events does not give the state decide saw, or differs from evolve one by one');
      }
    }
    const value = await measure(context, `replay ${stored.length} stored events`, stored);
    context.report({ name: 'replay.events_per_s', value, unit: 'events/s', target: atLeast(500_000) });
    const decided = await measure(context, `replay ${history.events.length} events as decide built them`, history.events);
    context.report({ name: 'replay.decided_events_per_s', value: decided, unit: 'events/s' });
  },
};
