import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadModelStore } from '../../src';
import { describeReadModelStoreContract } from './read-model-store.contract';

describeReadModelStoreContract('SQLite file', async (clock) => {
  const dir = mkdtempSync(join(tmpdir(), 'bandpro-rm-'));
  const store = new SqliteReadModelStore({ filename: join(dir, 'bandpro.sqlite'), clock });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
