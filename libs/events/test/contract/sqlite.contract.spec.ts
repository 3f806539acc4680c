import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src';
import { describeEventStoreContract } from './event-store.contract';
import type { StoreFactory } from './support/store-factory';

describeEventStoreContract('SQLite', sqliteStores(false));

// The same store with its appends written on a worker thread. A case that brings a clock or hooks (functions,
// which stay on the caller's thread) gets the in-process writer: those cases are covered above either way.
describeEventStoreContract('SQLite, writer thread', sqliteStores(true));

function sqliteStores(writerThread: boolean): StoreFactory {
  return {
  multiProcess: true,
  async newLocation() {
    const dataDir = await mkdtemp(join(tmpdir(), 'bandpro-contract-'));
    return {
      shared: { dataDir },
      async open(options) {
        const threaded = writerThread && options?.clock === undefined && options?.hooks === undefined;
        return new SqliteEventStore({ filename: join(dataDir, 'bandpro.sqlite'), ...options, writerThread: threaded });
      },
      async dispose() {
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
  };
}
