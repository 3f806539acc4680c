import Database from 'better-sqlite3';
import { join } from 'node:path';
import { bandpro as bandproProcess } from './support/bandpro';
import { bandproIn } from './support/in-process';
import { IDS, useBluesStore } from './support/score-store';

// Each action is a ts-node child process: seconds apiece on a loaded machine, hence the long timeouts.
const SPAWNS = 180_000;

describe('bandpro projections (spawns the projector admin entry, real SQLite)', () => {
  const blues = useBluesStore();
  const projections = (...args: string[]) => bandproIn(blues.dataDir, ['projections', ...args]);

  it('should rebuild the read models, show them caught up, and verify them against the events', async () => {
    const rebuilt = [await projections('rebuild', 'score-document'), await projections('rebuild', 'score-catalogue', '--json')];
    const status = await projections('status', '--json');
    const verified = await projections('verify');

    expect(rebuilt[0]).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^score-document: generation \d+ active at position 6 \(first build\)/) });
    expect(JSON.parse(rebuilt[1].stdout)).toMatchObject({ projection: 'score-catalogue', checkpoint: { position: 6 }, events: 6 });
    expect(JSON.parse(status.stdout).map((s: { projection: string; lag: number }) => [s.projection, s.lag])).toEqual([
      ['score-document', 0], ['score-catalogue', 0], ['score-access', 6], ['score-library', 6], // the last two were never built here
    ]);
    expect(verified).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Read models match the events: 6 events replayed/) });
  }, SPAWNS);

  it('should relay a failed verify: the rows that differ on stdout, exit 1', async () => {
    const db = new Database(join(blues.dataDir, 'read-models.sqlite'));
    db.prepare(`UPDATE rm_documents SET doc = json_set(doc, '$.title', 'Tampered') WHERE collection = 'score-document' AND id = ?`).run(IDS.scoreId);
    db.close();

    const run = await projections('verify');

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`\n  score-document ${IDS.scoreId}: different at title\n`);
    expect(run.stderr).toBe('bandpro: PROJECTIONS_FAILED: projections verify ended with exit code 1 (see above)\n');
  }, SPAWNS);

  it("should relay the admin's own refusal of an unknown projection as a usage error (exit 2)", async () => {
    const run = await projections('rebuild', 'score-index');

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^PROJECTION_NOT_FOUND: No projection named "score-index"\. Projections: score-document, score-catalogue, score-access, score-library\n/);
  }, SPAWNS);

  it('should say there is no store, without creating one, when DATA_DIR holds none', async () => {
    const run = await bandproIn(join(blues.dir, 'empty'), ['projections', 'status']);

    expect(run).toEqual({ code: 1, stdout: '', stderr: `bandpro: STORE_NOT_FOUND: There is no event store at ${join(blues.dir, 'empty', 'bandpro.sqlite')} (set DATA_DIR or MONGODB_URI)\n` });
  });

  it('should run from the real command with a DATA_DIR relative to where it is called', async () => {
    const run = await bandproProcess(['projections', 'status'], blues.dir, { DATA_DIR: 'data' });

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^score-document: checkpoint 6 of head 6, lag 0 /);
  }, SPAWNS);
});
