import { READ_MODELS_SQLITE_FILE_NAME, SqliteReadModelStore } from '@bandpro/read-models';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../src/demo';

describe('the demo (npm start until the API exists)', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'bandpro-demo-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should write a score through the domain, project it, and print its catalogue row and its notes', async () => {
    const printed: string[] = [];
    const result = await runDemo({ DATA_DIR: dataDir }, (line) => printed.push(line));

    expect(result.catalogue).toMatchObject({ scoreId: result.scoreId, title: 'Projector Blues', barCount: 4, ownerId: 'demo-user' });
    expect(result.catalogue.parts.map((p) => p.instrumentId)).toEqual(['trumpet-bb', 'trombone']);
    expect(printed[0]).toMatch(new RegExp(`^Wrote score ${result.scoreId} to .*bandpro\\.sqlite \\(8 events in the store\\)$`));
    expect(printed[1]).toMatch(/^Catalogue: Projector Blues — BandPro demo — owner demo-user — 4 bar\(s\) — parts: Trumpet in B♭ \(trumpet-bb\), Trombone \(trombone\)/);
    expect(printed.slice(2).join('\n').split('\n')).toEqual([
      'Projector Blues by BandPro demo: 2 part(s), 4 bar(s)',
      'Trumpet in B♭ | C5/q E5/q G5/h | F5/w | rest | rest |',
      'Trombone      | C3/w | F3/h A3/h | rest | rest |',
    ]);
  });

  it('should add to what earlier runs left under DATA_DIR', async () => {
    const quiet = () => undefined;
    const first = await runDemo({ DATA_DIR: dataDir }, quiet);
    const second = await runDemo({ DATA_DIR: dataDir }, quiet);

    const store = new SqliteReadModelStore({ filename: join(dataDir, READ_MODELS_SQLITE_FILE_NAME) });
    const rows = await store.find<{ scoreId: string }>('score-catalogue', { orderBy: { field: 'scoreId' } });
    expect(rows.map((row) => row.scoreId)).toEqual([first.scoreId, second.scoreId].sort());
    expect(await store.leaseHolder('score-catalogue')).toBeUndefined();
    await store.close();
  });
});
