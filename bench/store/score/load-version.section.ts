import { evolve, initialScoreState, type ScoreEvent } from '@bandpro/domain';
import { isDeepStrictEqual } from 'node:util';
import { atMost } from '../../harness/figure';
import { Random } from '../../harness/random';
import { median, percentile } from '../../harness/stats';
import { repeat, type Section } from '../../harness/suite';
import { withTempDir } from '../../harness/temp';
import { WorkloadCheckError } from '../appends/appender';
import { appendInBulk, openScoreStore, type ScoreStore } from './score-store';
import { benchScoreHistory } from './shared-history';

/**
 * A snapshot every 500 events: a load then replays at most 499 events after parsing one
 * snapshot. Snapshots of this score reach ~5 MB of JSON, so this keeps the table near 250 MB.
 */
const SNAPSHOT_EVERY = 500;
const LOADS_PER_RUN = 200;
/** Loads per run whose state is compared with a pure replay (untimed). */
const CHECKS_PER_RUN = 2;

/** Time travel: load any version of the 50,000-event score through AggregateLoader + SQLite snapshots. */
export const loadVersionSection: Section = {
  name: 'load-version',
  async run(context) {
    const history = benchScoreHistory(context.progress);
    await withTempDir('load-version', async (dir) => {
      const store = openScoreStore(dir, SNAPSHOT_EVERY);
      try {
        context.progress(`appending ${history.events.length} events, then a first load that writes every snapshot`);
        await appendInBulk(store.events, history.scoreId, history.events);
        await store.loader.load(history.scoreId);
        const runs = await repeat(context, `${LOADS_PER_RUN} loads of random versions`, (run) =>
          timedLoads(store, history.scoreId, history.events, new Random(1000 + run)),
        );
        context.report({ name: 'load_version.p99_ms', value: median(runs.map((r) => r.p99)), unit: 'ms', target: atMost(20) });
        context.report({ name: 'load_version.p50_ms', value: median(runs.map((r) => r.p50)), unit: 'ms' });
        context.report({ name: 'load_version.snapshot_every', value: SNAPSHOT_EVERY, unit: 'events' });
        context.report({ name: 'load_version.largest_snapshot_kb', value: largestSnapshotBytes(store) / 1024, unit: 'KiB' });
      } finally {
        await store.close();
      }
    });
  },
};

async function timedLoads(store: ScoreStore, streamId: string, events: readonly ScoreEvent[], r: Random) {
  const latencies: number[] = [];
  for (let i = 0; i < LOADS_PER_RUN; i += 1) {
    const version = r.between(1, events.length);
    const calledAt = performance.now();
    const loaded = await store.loader.load(streamId, { version });
    latencies.push(performance.now() - calledAt);
    if (loaded.version !== version) throw new WorkloadCheckError(`asked for version ${version}, got ${loaded.version}`);
    if (i < CHECKS_PER_RUN && !isDeepStrictEqual(loaded.state, events.slice(0, version).reduce(evolve, initialScoreState()))) {
      throw new WorkloadCheckError(`the state loaded at version ${version} differs from a replay of its events`);
    }
  }
  return { p99: percentile(latencies, 99), p50: percentile(latencies, 50) };
}

function largestSnapshotBytes(store: ScoreStore): number {
  const row = store.db.prepare('SELECT max(length(state)) AS bytes FROM snapshots').get() as { bytes: number | null };
  return row.bytes ?? 0;
}
