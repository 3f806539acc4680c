import { createEventStore, SQLITE_FILE_NAME, type EventStore } from '@bandpro/events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../../cli/cli-error';
import { describeStore, type StoreConfig } from './store-config';

export interface OpenOptions {
  /** Readers never create a store: a missing SQLite file means there is no score to read. */
  create: boolean;
}

/** Opens the configured store, runs `work` with it and always closes it. */
export async function withEventStore<T>(config: StoreConfig, options: OpenOptions, work: (store: EventStore) => Promise<T>): Promise<T> {
  const missingFile = !config.mongodbUri && !existsSync(join(config.dataDir, SQLITE_FILE_NAME));
  if (missingFile && !options.create) {
    // No store means no score either; the message says which file was looked for.
    throw new CliError('SCORE_NOT_FOUND', `There is no event store at ${describeStore(config)}, so no score (set DATA_DIR or MONGODB_URI)`);
  }
  const store = await createEventStore({ dataDir: config.dataDir, mongodbUri: config.mongodbUri });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The score's last version; SCORE_NOT_FOUND when its stream has no events. */
export async function requireScore(store: EventStore, scoreId: string): Promise<number> {
  const head = await store.streamVersion(scoreId);
  if (head === 0) throw new CliError('SCORE_NOT_FOUND', `No score ${scoreId} in this event store`);
  return head;
}

export function requireVersion(scoreId: string, version: number, head: number): void {
  if (version > head) throw new CliError('VERSION_NOT_FOUND', `Score ${scoreId} has versions 1 to ${head}; there is no version ${version}`);
}
