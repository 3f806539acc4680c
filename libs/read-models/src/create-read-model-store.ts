import { join } from 'node:path';
import { SqliteReadModelStore } from './adapters/sqlite/sqlite-read-model-store';
import type { ReadModelStore } from './store/read-model-store.port';

/**
 * The embedded default's read models: beside the event log, in a file of their own. Sharing `bandpro.sqlite` made
 * every projector commit take the write lock the API's appends wait for, and empty the API's page cache of the log.
 */
export const READ_MODELS_SQLITE_FILE_NAME = 'read-models.sqlite';

export interface ReadModelStoreConfig {
  /** A replica-set URI: when given, read models go to MongoDB. */
  mongodbUri?: string;
  /** SQLite goes to `${dataDir}/read-models.sqlite`, beside the event log's `bandpro.sqlite`. */
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
  return new SqliteReadModelStore({ filename: join(config.dataDir ?? './data', READ_MODELS_SQLITE_FILE_NAME), clock: config.clock });
}
