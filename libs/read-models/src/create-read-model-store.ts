import { SQLITE_FILE_NAME } from '@bandpro/events';
import { join } from 'node:path';
import { SqliteReadModelStore } from './adapters/sqlite/sqlite-read-model-store';
import type { ReadModelStore } from './store/read-model-store.port';

export interface ReadModelStoreConfig {
  /** A replica-set URI: when given, read models go to MongoDB. */
  mongodbUri?: string;
  /** SQLite goes to `${dataDir}/bandpro.sqlite`: the same file as the event log. */
  dataDir?: string;
  clock?: () => number;
}

/** MongoDB when a URI is given, else SQLite beside the events. */
export async function createReadModelStore(config: ReadModelStoreConfig = {}): Promise<ReadModelStore> {
  if (config.mongodbUri) {
    // Loaded on demand: SQLite-only processes skip mongoose's start-up cost.
    const { MongoReadModelStore } = await import('./adapters/mongodb/mongo-read-model-store');
    return MongoReadModelStore.connect(config.mongodbUri, { clock: config.clock });
  }
  return new SqliteReadModelStore({ filename: join(config.dataDir ?? './data', SQLITE_FILE_NAME), clock: config.clock });
}
