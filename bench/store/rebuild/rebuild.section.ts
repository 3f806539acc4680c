import { SQLITE_FILE_NAME } from '@bandpro/events';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { atLeast } from '../../harness/figure';
import { median } from '../../harness/stats';
import { repeat, type Section } from '../../harness/suite';
import { withTempDir } from '../../harness/temp';
import { benchScoreHistory } from '../score/shared-history';
import { writeRebuildDataset, type RebuildDataset } from './rebuild-dataset';
import { rebuildWithProjector } from './projector-run';

/** 20 copies of the 50,000-event score: 1,000,000 events. */
const SCORE_COPIES = 20;

/** Projection rebuild from 1,000,000 events by the projector process, each run on a fresh copy of the events. */
export const rebuildSection: Section = {
  name: 'rebuild',
  async run(context) {
    const history = benchScoreHistory(context.progress);
    await withTempDir('rebuild', async (dir) => {
      context.progress(`writing ${SCORE_COPIES} x ${history.events.length} events in big appends`);
      const startedAt = performance.now();
      const source = await writeRebuildDataset(join(dir, 'source'), history, SCORE_COPIES);
      context.progress(`wrote ${source.events} events in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
      const runs = await repeat(context, `projector rebuild of ${source.events} events`, async (run) => {
        const dataset = copyDataset(source, join(dir, `run-${run}`));
        try {
          return await rebuildWithProjector(dataset, history.state);
        } finally {
          rmSync(dataset.dataDir, { recursive: true, force: true });
        }
      });
      const rate = median(runs.map((r) => r.eventsPerS));
      context.report({ name: 'rebuild.events_per_s', value: rate, unit: 'events/s', target: atLeast(50_000) });
      context.report({ name: 'rebuild.peak_rss_mb', value: median(runs.map((r) => r.peakRssMb)), unit: 'MiB' });
      context.report({ name: 'rebuild.events', value: source.events, unit: 'events' });
    });
  },
};

/** The source store was closed, so its WAL is folded in; a leftover WAL is copied all the same. */
function copyDataset(source: RebuildDataset, dataDir: string): RebuildDataset {
  mkdirSync(dataDir, { recursive: true });
  for (const suffix of ['', '-wal']) {
    const file = join(source.dataDir, `${SQLITE_FILE_NAME}${suffix}`);
    if (existsSync(file)) copyFileSync(file, join(dataDir, `${SQLITE_FILE_NAME}${suffix}`));
  }
  return { ...source, dataDir };
}
