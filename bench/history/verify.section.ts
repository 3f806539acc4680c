import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { atLeast } from '../harness/figure';
import { WORKSPACE_ROOT } from '../harness/child';
import { median } from '../harness/stats';
import { repeat, type Section } from '../harness/suite';
import { withTempDir } from '../harness/temp';
import { rebuildWithProjector } from '../store/rebuild/projector-run';
import { writeRebuildDataset } from '../store/rebuild/rebuild-dataset';
import { benchScoreHistory } from '../store/score/shared-history';

const run = promisify(execFile);
const SCORE_COPIES = 20;

interface VerifyReport {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  differences: unknown[];
}

/** `bandpro projections verify` (the projector's admin process) over 1,000,000 events whose read models are built. */
export const verifySection: Section = {
  name: 'verify',
  async run(context) {
    const history = benchScoreHistory(context.progress);
    await withTempDir('verify', async (dir) => {
      context.progress(`writing ${SCORE_COPIES} x ${history.events.length} events, then projecting them`);
      const dataset = await writeRebuildDataset(join(dir, 'data'), history, SCORE_COPIES);
      await rebuildWithProjector(dataset, history.state);
      const reports = await repeat(context, `verify ${dataset.events} events`, async () => {
        const { stdout } = await run(process.execPath, ['-r', join(WORKSPACE_ROOT, 'scripts/ts-register.js'), join(WORKSPACE_ROOT, 'apps/projector/src/admin.ts'), 'verify', '--json'], {
          cwd: WORKSPACE_ROOT,
          env: { ...process.env, DATA_DIR: dataset.dataDir, MONGODB_URI: '' },
          maxBuffer: 64 * 1024 * 1024,
        });
        const report = JSON.parse(stdout) as VerifyReport;
        if (report.differences.length > 0) throw new Error(`verify found ${report.differences.length} rows that differ on a consistent store`);
        return report;
      });
      context.report({ name: 'verify.events', value: reports[0].events, unit: 'events' });
      context.report({ name: 'verify.events_per_s', value: median(reports.map((r) => r.eventsPerSecond)), unit: 'events/s', target: atLeast(50_000) });
    });
  },
};
