import type { Measured } from './figure';

/** What a section of a suite gets: a place to report figures and to say what it is doing. */
export interface SuiteContext {
  /** How many times each measurement is repeated; figures are medians over these runs. */
  readonly runs: number;
  report(measured: Measured): void;
  progress(message: string): void;
}

/** A self-contained measurement; a section that throws is reported as failed, the others still run. */
export interface Section {
  name: string;
  run(context: SuiteContext): Promise<void>;
}

/** One file in bench/suites/<name>.suite.ts exporting `suite` adds a suite to `npm run bench`. */
export interface Suite {
  name: string;
  description: string;
  sections: readonly Section[];
}

/** Every figure is a median of at least this many runs. */
export const MIN_RUNS = 5;

/** Runs `once` `runs` times in a row and returns every result, logging each run's progress. */
export async function repeat<R>(
  context: Pick<SuiteContext, 'runs' | 'progress'>,
  label: string,
  once: (run: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let run = 1; run <= context.runs; run += 1) {
    context.progress(`${label}: run ${run}/${context.runs}`);
    results.push(await once(run));
  }
  return results;
}
