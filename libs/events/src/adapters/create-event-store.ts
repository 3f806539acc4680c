import { join } from 'node:path';
import type { EventStore } from '../store/event-store.port';
import type { EventStoreOptions } from '../store/store-options';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export interface CreateEventStoreOptions extends EventStoreOptions {
  /** A replica-set URI: when given, events go to MongoDB. */
  mongodbUri?: string;
  /** Where the embedded SQLite file lives when no URI is given. */
  dataDir?: string;
  /** SQLite only: write appends on a worker thread (SqliteEventStoreOptions.writerThread). */
  writerThread?: boolean;
}

export const SQLITE_FILE_NAME = 'bandpro.sqlite';

/** MongoDB when a URI is given, else SQLite at `${dataDir}/bandpro.sqlite` (the embedded default). */
export async function createEventStore(options: CreateEventStoreOptions = {}): Promise<EventStore> {
  const { mongodbUri, dataDir = './data', writerThread, ...storeOptions } = options;
  if (mongodbUri) {
    // Loaded on demand: SQLite-only processes (CLIs, child processes) skip mongoose's start-up cost.
    const { MongoEventStore } = await import('./mongodb/mongo-event-store');
    return MongoEventStore.connect(mongodbUri, storeOptions);
  }
  return new SqliteEventStore({ filename: join(dataDir, SQLITE_FILE_NAME), ...storeOptions, writerThread });
}
