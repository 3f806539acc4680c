import { createEventStore } from '@bandpro/events';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoScoreCommands } from '../demo/demo-score';
import { executeScoreCommand } from '../demo/execute-score-command';
import { READ_MODELS_SQLITE_FILE_NAME, SqliteReadModelStore } from '@bandpro/read-models';
import { runAdmin, type AdminExitCode } from './run-admin';

const SCORES = ['0193b000-0000-7000-8000-000000000001', '0193b000-0000-7000-8000-000000000002'];

async function writeScores(dataDir: string): Promise<void> {
  const store = await createEventStore({ dataDir });
  let next = 100;
  const newId = () => `0193b000-0000-7000-8000-${String((next += 1)).padStart(12, '0')}`;
  const metadata = { actor: { id: 'ann', kind: 'user' as const }, at: '2026-11-20T10:00:00.000Z' };
  try {
    for (const scoreId of SCORES) for (const command of demoScoreCommands(scoreId, newId, metadata)) await executeScoreCommand(store, scoreId, command);
  } finally {
    await store.close();
  }
}

describe('projector admin (real SQLite)', () => {
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir });
  async function admin(...argv: string[]): Promise<{ code: AdminExitCode; stdout: string; stderr: string }> {
    const out = { stdout: '', stderr: '' };
    const code = await runAdmin(argv, env(), { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) });
    return { code, ...out };
  }
  const json = async (...argv: string[]) => JSON.parse((await admin(...argv, '--json')).stdout);
  function tamper(sql: string, ...params: unknown[]): void {
    const db = new Database(join(dataDir, READ_MODELS_SQLITE_FILE_NAME));
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bandpro-admin-'));
    await writeScores(dataDir);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('should show each projection behind by the whole feed before any build, and caught up after its rebuild', async () => {
    const before = await json('status');
    const rebuilt = await admin('rebuild', 'score-document');
    const after = await json('status');

    expect(before).toEqual([
      expect.objectContaining({ projection: 'score-document', checkpoint: 0, head: 16, lag: 16 }),
      expect.objectContaining({ projection: 'score-catalogue', checkpoint: 0, head: 16, lag: 16 }),
      expect.objectContaining({ projection: 'score-access', checkpoint: 0, head: 16, lag: 16 }),
      expect.objectContaining({ projection: 'score-library', checkpoint: 0, head: 16, lag: 16 }),
    ]);
    expect(before[0]).not.toHaveProperty('generation');
    expect(rebuilt).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^score-document: generation \d+ active at position 16 \(first build\); 16 events in /) });
    expect(after[0]).toMatchObject({ projection: 'score-document', checkpoint: 16, lag: 0, builtBy: 1, version: 1, deadLetters: 0 });
    expect(after[1]).toMatchObject({ projection: 'score-catalogue', lag: 16 });
    expect((await admin('status')).stdout).toMatch(/^score-document: checkpoint 16 of head 16, lag 0 \(0\.0 s\); generation \d+ \(built by v1, code v1\); no projector running it\nscore-catalogue: checkpoint 0 of head 16, lag 16 /);
  });

  describe('verify', () => {
    beforeEach(async () => {
      for (const projection of ['score-document', 'score-catalogue', 'score-access', 'score-library']) await admin('rebuild', projection);
    });

    it('should report nothing on a consistent store, with the events it replayed and their rate', async () => {
      const run = await admin('verify');
      const report = await json('verify');

      expect(run).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Read models match the events: 16 events replayed in [\d.]+ s \(\d+ events\/s\)\n$/) });
      expect(report).toMatchObject({ differences: [], events: 16, skipped: 0 });
      expect(report.eventsPerSecond).toBeGreaterThan(0);
    });

    it('should find a row changed behind the projector, with the path where it differs, and exit 1', async () => {
      tamper(`UPDATE rm_documents SET doc = json_set(doc, '$.parts[1].name', 'Tuba') WHERE collection = 'score-catalogue' AND id = ?`, SCORES[1]);

      const run = await admin('verify');

      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^1 read-model row\(s\) differ from the events: 16 events replayed/);
      expect(run.stdout).toContain(`\n  score-catalogue ${SCORES[1]}: different at parts[1].name\n`);
      expect((await json('verify')).differences).toEqual([{ projection: 'score-catalogue', id: SCORES[1], kind: 'different', path: 'parts[1].name' }]);
    });

    it('should find a deleted row as missing and a row no event explains as extra', async () => {
      tamper(`DELETE FROM rm_documents WHERE collection = 'score-document' AND id = ?`, SCORES[0]);
      const stray = '0193b000-0000-7000-8000-00000000ffff';
      tamper(
        `INSERT INTO rm_documents (generation, collection, id, doc) SELECT generation, collection, ?, json_set(doc, '$.scoreId', ?) FROM rm_documents WHERE collection = 'score-catalogue' AND id = ?`,
        stray,
        stray,
        SCORES[0],
      );

      expect((await json('verify')).differences).toEqual([
        { projection: 'score-document', id: SCORES[0], kind: 'missing' },
        { projection: 'score-catalogue', id: stray, kind: 'extra' },
      ]);
    });
  });

  it('should refuse to rebuild a projection the projector does not have, naming those it has, with exit 2', async () => {
    expect(await admin('rebuild', 'score-index')).toEqual({ code: 2, stdout: '', stderr: 'PROJECTION_NOT_FOUND: No projection named "score-index". Projections: score-document, score-catalogue, score-access, score-library\n' });
  });

  it('should refuse to rebuild while a running projector holds the lease, leaving its generation alone', async () => {
    await admin('rebuild', 'score-catalogue');
    const store = new SqliteReadModelStore({ filename: join(dataDir, READ_MODELS_SQLITE_FILE_NAME) });
    await store.tryAcquireLease('score-catalogue', 'projector-1', 60_000);
    const generation = (await store.activeGeneration('score-catalogue'))?.generation;

    const run = await admin('rebuild', 'score-catalogue');

    expect(run).toEqual({ code: 1, stdout: '', stderr: 'PROJECTION_LEASE_UNAVAILABLE: Projection score-catalogue is run by projector-1\n' });
    expect((await store.activeGeneration('score-catalogue'))?.generation).toBe(generation);
    expect((await json('status'))[1]).toMatchObject({ leaseHolder: 'projector-1' });
    await store.close();
  });

  it.each([
    [[], 'No action given'],
    [['repair'], 'Unknown action "repair"'],
    [['rebuild'], 'rebuild needs exactly one projection name'],
    [['verify', 'now'], 'Unexpected argument "now"'],
    [['status', '--fast'], "Unknown option '--fast'"],
  ])('should answer %j with exit 2 and the usage', async (argv, reason) => {
    const run = await admin(...argv);

    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(new RegExp(`^${reason.replace(/[()[\]"]/g, '\\$&')}\nUsage: projections status`));
  });

  it('should stop on a bad configuration before touching any store', async () => {
    const out = { stdout: '', stderr: '' };
    const code = await runAdmin(['status'], { DATA_DIR: dataDir, PROJECTOR_BATCH_SIZE: 'lots' }, { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) });

    expect(code).toBe(1);
    expect(out.stderr).toBe('PROJECTOR_CONFIG_INVALID: PROJECTOR_BATCH_SIZE must be a whole number ≥ 1, got "lots"\n');
  });
});
