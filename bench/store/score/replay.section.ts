import { evolve, initialScoreState, type ScoreState } from '@bandpro/domain';
import { isDeepStrictEqual } from 'node:util';
import { atLeast } from '../../harness/figure';
import { median, perSecond } from '../../harness/stats';
import { repeat, type Section } from '../../harness/suite';
import { WorkloadCheckError } from '../appends/appender';
import { benchScoreHistory } from './shared-history';

/** Pure replay: the domain's evolve over the score's events already in memory (no I/O, no parsing). */
export const replaySection: Section = {
  name: 'replay',
  async run(context) {
    const history = benchScoreHistory(context.progress);
    const replay = (): ScoreState => history.events.reduce(evolve, initialScoreState());
    // One untimed pass first, so the figure is the optimised code's, not the interpreter's.
    if (!isDeepStrictEqual(replay(), history.state)) {
      throw new WorkloadCheckError('replaying the generated events does not give the state decide saw');
    }
    const rates = await repeat(context, `replay ${history.events.length} events`, async () => {
      const startedAt = performance.now();
      replay();
      return perSecond(history.events.length, performance.now() - startedAt);
    });
    context.report({ name: 'replay.events_per_s', value: median(rates), unit: 'events/s', target: atLeast(500_000) });
  },
};
