import { generateScoreHistory, type ScoreHistory } from './score-history';

/** The score every score figure uses: ~50,000 events, 10 parts, 200 measures (issue #2). */
export const SCORE_EVENTS = 50_000;

let cached: ScoreHistory | undefined;

/** Generated once per process (~7 s through decide) and shared by the sections that need it. */
export function benchScoreHistory(progress: (message: string) => void): ScoreHistory {
  if (!cached) {
    progress(`generating a ${SCORE_EVENTS}-event score through decide`);
    const startedAt = performance.now();
    cached = generateScoreHistory({ events: SCORE_EVENTS, parts: 10, measures: 200, seed: 2 });
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    progress(`generated ${cached.events.length} events from ${cached.commands} commands in ${seconds} s (${cached.rejected} refused by decide)`);
  }
  return cached;
}
