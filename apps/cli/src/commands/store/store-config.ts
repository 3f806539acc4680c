import { SQLITE_FILE_NAME } from '@bandpro/events';
import { join } from 'node:path';

/** Where the event store is: read from the environment the way the API and the projector read it. */
export interface StoreConfig {
  dataDir: string;
  mongodbUri?: string;
}

export function storeConfigOf(env: NodeJS.ProcessEnv): StoreConfig {
  return { dataDir: env['DATA_DIR'] || './data', mongodbUri: env['MONGODB_URI'] || undefined };
}

/** How the store is named in messages: the SQLite file, or just "MongoDB" (the URI may hold a password). */
export function describeStore(config: StoreConfig): string {
  return config.mongodbUri ? 'MongoDB (MONGODB_URI)' : join(config.dataDir, SQLITE_FILE_NAME);
}
