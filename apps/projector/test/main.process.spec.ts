import { SqliteEventStore } from '@bandpro/events';
import { READ_MODELS_SQLITE_FILE_NAME, SqliteReadModelStore } from '@bandpro/read-models';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { demoScoreCommands } from '../src/demo/demo-score';
import { executeScoreCommand } from '../src/demo/execute-score-command';
import { TsChild, type ChildLine } from './processes/child-process';

const MAIN = resolve(__dirname, '../src/main.ts');
const text = (line: ChildLine) => String(line['text'] ?? '');

jest.setTimeout(30_000);

describe('the projector process (main.ts)', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'bandpro-main-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should project what is in DATA_DIR, log its lag, and free its leases on SIGTERM', async () => {
    const file = join(dataDir, 'bandpro.sqlite');
    const events = new SqliteEventStore({ filename: file });
    const scoreId = uuidv7();
    const metadata = { actor: { id: 'someone', kind: 'user' as const }, at: new Date().toISOString() };
    for (const command of demoScoreCommands(scoreId, uuidv7, metadata)) await executeScoreCommand(events, scoreId, command);
    await events.close();

    const main = new TsChild(MAIN, [], { DATA_DIR: dataDir, PROJECTOR_LAG_LOG_MS: '100', NO_COLOR: '1' });
    try {
      await main.waitFor((line) => /score-document \[running\]: 0 events behind \(0\.0 s\), at 8 of 8/.test(text(line)));
      await main.waitFor((line) => /score-catalogue \[running\]: 0 events behind/.test(text(line)));
      const store = new SqliteReadModelStore({ filename: join(dataDir, READ_MODELS_SQLITE_FILE_NAME) });
      expect(await store.get('score-catalogue', scoreId)).toMatchObject({ title: 'Projector Blues', barCount: 4 });
      expect(await store.leaseHolder('score-document')).toBeDefined();

      const exit = await main.kill('SIGTERM');

      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
      expect(main.lines.some((line) => /Stopped on SIGTERM/.test(text(line)))).toBe(true);
      expect(await store.leaseHolder('score-document')).toBeUndefined();
      expect(await store.leaseHolder('score-catalogue')).toBeUndefined();
      await store.close();
    } finally {
      if (main.process.exitCode === null && main.process.signalCode === null) await main.kill();
    }
  });

  it('should refuse to start on a bad setting, before touching any data', async () => {
    const main = new TsChild(MAIN, [], { DATA_DIR: dataDir, PROJECTOR_BATCH_SIZE: 'many' });
    const exit = await main.exited;
    expect(exit.code).toBe(1);
    expect(main.stderr).toContain('PROJECTOR_BATCH_SIZE must be a whole number');
  });
});
