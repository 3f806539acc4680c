/**
 * `npm run bench -- <suite...> [--runs N] [--only section,section]`
 * Figures go to stdout (one JSON line each) and to bench/results/<suite>.json; progress to stderr.
 * A suite is one file, bench/suites/<name>.suite.ts, exporting `suite`.
 */
import { loadSuite, suiteNames } from './harness/registry';
import { runSuite } from './harness/run-suite';
import { MIN_RUNS } from './harness/suite';

interface Args {
  suites: string[];
  runs: number;
  only?: string[];
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { suites: [], runs: MIN_RUNS };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--only') args.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}`);
    else args.suites.push(arg);
  }
  if (args.suites.length === 0) throw new UsageError('Name at least one suite');
  if (!Number.isInteger(args.runs) || args.runs < MIN_RUNS) throw new UsageError(`--runs must be an integer >= ${MIN_RUNS}`);
  if (args.only && args.suites.length !== 1) throw new UsageError('--only needs exactly one suite');
  return args;
}

async function main(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\nusage: npm run bench -- <suite...> [--runs N] [--only a,b]\n`);
    process.stderr.write(`suites: ${suiteNames().join(', ')}\n`);
    return 2;
  }
  const suites = args.suites.map(loadSuite);
  let failed = 0;
  for (const suite of suites) {
    const outcome = await runSuite(suite, { runs: args.runs, only: args.only });
    failed += outcome.failedSections.length;
    const missed = outcome.figures.filter((figure) => figure.ok === false).map((figure) => figure.name);
    process.stderr.write(
      `${suite.name}: ${outcome.figures.length} figures, missed targets: ${missed.join(', ') || 'none'}` +
        `, failed sections: ${outcome.failedSections.join(', ') || 'none'}\n`,
    );
  }
  return failed > 0 ? 1 : 0;
}

// Figures own stdout; libraries that console.log (emmett logs every failed transaction) go to stderr.
console.log = console.error;

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
