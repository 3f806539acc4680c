import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract('SQLite', {
  multiProcess: true,
  async newLocation() {
    const dataDir = await mkdtemp(join(tmpdir(), 'bandpro-contract-'));
    return {
      shared: { dataDir },
      async open(options) {
        return new SqliteEventStore({ filename: join(dataDir, 'bandpro.sqlite'), ...options });
      },
      async dispose() {
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
});
