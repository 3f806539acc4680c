import { evolve, initialScoreState, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import { AggregateLoader } from '@bandpro/events';
import { isDeepStrictEqual } from 'node:util';
import { atMost } from '../../harness/figure';
import { Random } from '../../harness/random';
import { median, percentile } from '../../harness/stats';
import { repeat, type Section, type SuiteContext } from '../../harness/suite';
import { withTempDir } from '../../harness/temp';
import { WorkloadCheckError } from '../appends/appender';
import { retainedHeapBytes } from './heap';
import { appendInBulk, openScoreStore, scoreEvolve, scoreEvolveAll, type ScoreStore } from './score-store';
import { benchScoreHistory } from './shared-history';

/**
 * A snapshot every 500 events: a load then replays at most 499 events after parsing one
 * snapshot. Snapshots of this score reach ~5 MB of JSON, so this keeps the table near 250 MB.
 */
const SNAPSHOT_EVERY = 500;
const LOADS_PER_RUN = 200;
/** Loads per run whose state is compared with a pure replay (untimed). */
const CHECKS_PER_RUN = 2;
/** Room for every boundary of the 50,000-event score (100), as an API process browsing it would keep. */
const STATE_CACHE = { maxStreams: 8, maxStatesPerStream: 128 };

type ScoreLoader = AggregateLoader<ScoreState>;

/**
 * Time travel: load any version of the 50,000-event score through AggregateLoader + SQLite snapshots.
 * Two figures: cold (a loader with persisted snapshots only, each load parsing ~5 MB of JSON) and
 * warm (`load_version.p50/p99_ms`: a loader with a state cache, primed once for the stream).
 */
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
        await measureCold(context, store, history.scoreId, history.events);
        await measureWarm(context, store, history.scoreId, history.events);
        context.report({ name: 'load_version.snapshot_every', value: SNAPSHOT_EVERY, unit: 'events' });
        context.report({ name: 'load_version.largest_snapshot_kb', value: largestSnapshotBytes(store) / 1024, unit: 'KiB' });
      } finally {
        await store.close();
      }
    });
  },
};

/** Informational: what a fresh process pays, each load parsing the persisted snapshot below it. */
async function measureCold(context: SuiteContext, store: ScoreStore, streamId: string, events: readonly ScoreEvent[]) {
  const runs = await repeat(context, `cold: ${LOADS_PER_RUN} loads of random versions`, (run) =>
    timedLoads(store.loader, streamId, events, new Random(1000 + run)),
  );
  context.report({ name: 'load_version.cold.p99_ms', value: median(runs.map((r) => r.p99)), unit: 'ms' });
  context.report({ name: 'load_version.cold.p50_ms', value: median(runs.map((r) => r.p50)), unit: 'ms' });
}

/** The target: a loader whose state cache was primed once for the stream (one replay of its history). */
async function measureWarm(context: SuiteContext, store: ScoreStore, streamId: string, events: readonly ScoreEvent[]) {
  const loader = new AggregateLoader<ScoreState>({
    store: store.events,
    snapshots: store.snapshots,
    initialState: initialScoreState,
    evolve: scoreEvolve,
    evolveAll: scoreEvolveAll,
    snapshotEvery: SNAPSHOT_EVERY,
    schemaVersion: 1,
    stateCache: STATE_CACHE,
  });
  context.progress('priming the state cache: one replay of the stream');
  let primeMs = 0;
  const heapBytes = await retainedHeapBytes(async () => {
    const startedAt = performance.now();
    await loader.prime(streamId);
    primeMs = performance.now() - startedAt;
  });
  const runs = await repeat(context, `warm: ${LOADS_PER_RUN} loads of random versions`, (run) =>
    timedLoads(loader, streamId, events, new Random(1000 + run)),
  );
  const stats = loader.cacheStats();
  context.report({ name: 'load_version.p99_ms', value: median(runs.map((r) => r.p99)), unit: 'ms', target: atMost(20) });
  context.report({ name: 'load_version.p50_ms', value: median(runs.map((r) => r.p50)), unit: 'ms' });
  context.report({ name: 'load_version.warm.primes_before_timing', value: 1, unit: 'prime' });
  context.report({ name: 'load_version.warm.prime_ms', value: primeMs, unit: 'ms' });
  context.report({ name: 'load_version.warm.cache_heap_mb', value: heapBytes / 2 ** 20, unit: 'MB' });
  context.report({ name: 'load_version.warm.cached_states', value: stats?.states ?? 0, unit: 'states' });
  context.report({ name: 'load_version.warm.cache_misses', value: stats?.misses ?? 0, unit: 'loads' });
}

async function timedLoads(loader: ScoreLoader, streamId: string, events: readonly ScoreEvent[], r: Random) {
  const latencies: number[] = [];
  for (let i = 0; i < LOADS_PER_RUN; i += 1) {
    const version = r.between(1, events.length);
    const calledAt = performance.now();
    const loaded = await loader.load(streamId, { version });
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
