/**
 * A projector process for the multi-process tests: runs the tally projection on one SQLite file
 * and prints what it does as JSON lines. Usage: tally-runner.child.ts <file> <ownerId> <leaseTtlMs> <batchSize>
 */
import { SqliteEventStore } from '@bandpro/events';
import { SqliteReadModelStore } from '@bandpro/read-models';
import { ProjectionRunner } from '../../src/runtime/projection-runner';
import { tallyProjection } from '../fixtures/tally.projection';

const [file, ownerId, leaseTtlMs, batchSize] = process.argv.slice(2);
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

const events = new SqliteEventStore({ filename: file });
const store = new SqliteReadModelStore({ filename: file });
const runner = new ProjectionRunner({
  projection: tallyProjection,
  events,
  store,
  ownerId,
  leaseTtlMs: Number(leaseTtlMs),
  batchSize: Number(batchSize),
  rebuildBatchSize: Number(batchSize),
  rebuildCommitEvery: Number(batchSize),
  pollIntervalMs: 10,
  maxPollIntervalMs: 50,
  onBatch: (report) => void say({ batch: report.checkpoint.position, mode: report.mode }),
  logger: { log: (log) => say({ log }), warn: (warn) => say({ warn }), error: (error) => say({ error }) },
});

let lastState = '';
const watch = setInterval(() => {
  if (runner.state !== lastState) say({ state: (lastState = runner.state) });
}, 10);

process.on('SIGTERM', () => {
  clearInterval(watch);
  void runner
    .stop()
    .then(() => Promise.all([store.close(), events.close()]))
    .then(() => {
      say({ stopped: true });
      process.exit(0);
    });
});

runner.start();
say({ started: ownerId, pid: process.pid });
