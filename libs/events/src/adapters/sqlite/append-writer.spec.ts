import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fingerprints from '../../store/fingerprint';
import { prepareAppend } from '../../store/prepare-append';
import { SqliteAppendWriter } from './append-writer';
import { openSqlite } from './sqlite-connection';
import { ensureEventTables } from './sqlite-event-schema';
import { StreamHeads } from './stream-heads';

describe('SqliteAppendWriter', () => {
  it('should hash an append only when its commandId comes back, never for a new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bandpro-append-writer-'));
    const db = openSqlite(join(dir, 'events.sqlite'));
    try {
      ensureEventTables(db);
      const writer = new SqliteAppendWriter(db, new StreamHeads(db));
      const hash = jest.spyOn(fingerprints, 'appendFingerprint');
      const append = prepareAppend('s', [{ type: 'T', data: { n: 1 } }], { expectedVersion: 'no_stream', commandId: 'c1', actor: { id: 'u', kind: 'user' } });

      await expect(writer.write(append)).resolves.toMatchObject({ kind: 'written', fromVersion: 1 });
      expect(hash).not.toHaveBeenCalled();
      await expect(writer.write(append)).resolves.toMatchObject({ kind: 'duplicate', rows: [expect.objectContaining({ version: 1 })] });
      expect(hash).toHaveBeenCalled();
      await writer.close();
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
