import { atLeast } from '../../harness/figure';
import { median } from '../../harness/stats';
import { repeat, type Section } from '../../harness/suite';
import { openBandproStore } from './bandpro';
import { openEmmettConnection, openEmmettStore } from './emmett';
import { openRawSqlite } from './raw-sqlite';
import { interleaved, sequentialSlice } from './workloads';

const ROUNDS = 10;
/** Appends per round, sized so each subject spends about the same time (rates measured here). */
const PER_ROUND = { raw: 300, bandpro: 300, emmett: 100, emmettStore: 30 };

/** Single-event appends by one writer: our store against the SQLite ceiling and emmett-sqlite. */
export const sequentialSection: Section = {
  name: 'sequential',
  async run(context) {
    const runs = await repeat(context, `raw / bandpro / emmett / emmett store, ${ROUNDS} interleaved rounds`, async () => {
      const lanes = await interleaved(
        { raw: openRawSqlite, bandpro: openBandproStore, emmett: openEmmettConnection, emmettStore: openEmmettStore },
        ROUNDS,
        {
          raw: sequentialSlice(PER_ROUND.raw),
          bandpro: sequentialSlice(PER_ROUND.bandpro),
          emmett: sequentialSlice(PER_ROUND.emmett),
          emmettStore: sequentialSlice(PER_ROUND.emmettStore),
        },
      );
      const failedPct = lanes.emmettStore.appender.failedAttemptsPct();
      return { raw: lanes.raw.perSecond, bandpro: lanes.bandpro.perSecond, emmett: lanes.emmett.perSecond, emmettStore: lanes.emmettStore.perSecond, failedPct };
    });
    const [raw, bandpro, emmett] = [median(runs.map((r) => r.raw)), median(runs.map((r) => r.bandpro)), median(runs.map((r) => r.emmett))];
    context.report({ name: 'sqlite_raw.sequential.commits_per_s', value: raw, unit: 'commits/s' });
    context.report({ name: 'bandpro.sequential.appends_per_s', value: bandpro, unit: 'appends/s', target: atLeast(5000) });
    context.report({ name: 'bandpro.sequential.share_of_sqlite_ceiling', value: bandpro / raw, unit: 'ratio' });
    context.report({ name: 'emmett.sequential.appends_per_s', value: emmett, unit: 'appends/s' });
    context.report({ name: 'emmett_store.sequential.appends_per_s', value: median(runs.map((r) => r.emmettStore)), unit: 'appends/s' });
    context.report({ name: 'emmett_store.sequential.failed_attempts_pct', value: median(runs.map((r) => r.failedPct)), unit: '%' });
    context.report({ name: 'ratio.sequential.bandpro_over_emmett', value: bandpro / emmett, unit: 'ratio', target: atLeast(1) });
  },
};
