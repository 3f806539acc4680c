import { atLeast, atMost } from '../../harness/figure';
import { median } from '../../harness/stats';
import { repeat, type Section } from '../../harness/suite';
import { withTempDir } from '../../harness/temp';
import { openBandproStore } from './bandpro';
import { emmettStoreConcurrentFailures, openEmmettConnection } from './emmett';
import { openRawGroupCommit } from './raw-group';
import { concurrentSlice, interleaved } from './workloads';

const WRITERS = 50;
const ROUNDS = 10;
/** Appends per writer per round: 50 x 20 x 10 = 10,000 events per subject per run. */
const PER_WRITER = 20;

/** 50 writers on distinct streams, each awaiting its own appends in a loop (group commit's case). */
export const concurrentSection: Section = {
  name: 'concurrent',
  async run(context) {
    const runs = await repeat(context, `${WRITERS} writers: raw / bandpro / emmett, ${ROUNDS} interleaved rounds`, async () => {
      const slice = concurrentSlice(WRITERS, PER_WRITER);
      const openers = { raw: openRawGroupCommit, bandpro: openBandproStore, emmett: openEmmettConnection };
      const lanes = await interleaved(openers, ROUNDS, { raw: slice, bandpro: slice, emmett: slice });
      return {
        raw: lanes.raw.perSecond,
        bandpro: { eventsPerS: lanes.bandpro.perSecond, p99Ms: lanes.bandpro.p99Ms },
        emmett: { eventsPerS: lanes.emmett.perSecond, p99Ms: lanes.emmett.p99Ms },
        appendsPerCommit: lanes.bandpro.appender.appendsPerCommit(),
        emmettStoreFailedPct: await withTempDir('emmett-store', (dir) => emmettStoreConcurrentFailures(dir, WRITERS)),
      };
    });
    const raw = median(runs.map((run) => run.raw));
    const bandpro = median(runs.map((run) => run.bandpro.eventsPerS));
    const emmett = median(runs.map((run) => run.emmett.eventsPerS));
    const prefix = `concurrent${WRITERS}`;
    const report = (name: string, value: number, unit: string, target?: ReturnType<typeof atLeast>) =>
      context.report({ name: name.replace('*', prefix), value, unit, target });
    report('sqlite_raw_group.*.events_per_s', raw, 'events/s');
    report('bandpro.*.events_per_s', bandpro, 'events/s', atLeast(30_000));
    report('bandpro.*.share_of_sqlite_ceiling', bandpro / raw, 'ratio');
    report('bandpro.*.p99_ms', median(runs.map((run) => run.bandpro.p99Ms)), 'ms', atMost(20));
    report('bandpro.*.appends_per_commit', median(runs.map((run) => run.appendsPerCommit)), 'appends/commit');
    report('emmett.*.events_per_s', emmett, 'events/s');
    report('emmett.*.p99_ms', median(runs.map((run) => run.emmett.p99Ms)), 'ms');
    report('emmett_store.*.failed_appends_pct', median(runs.map((run) => run.emmettStoreFailedPct)), '%');
    report('ratio.*.bandpro_over_emmett', bandpro / emmett, 'ratio', atLeast(2));
  },
};
