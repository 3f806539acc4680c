import type { Connection } from 'mongoose';
import type { EventMetadata, StoredEvent } from '../../envelope';

/**
 * One document per append (contract G2): a single-document write is atomic, and a stream's
 * history grows by commits instead of one ever-growing document (the 16 MB cap).
 * Event data is kept as JSON text, so `$`-prefixed keys (sealed personal data) and key order
 * survive BSON untouched, exactly as in the SQLite adapter.
 */
export interface CommitDocument {
  streamId: string;
  fromVersion: number;
  toVersion: number;
  fromPosition: number;
  toPosition: number;
  commandId: string;
  fingerprint: string;
  metadata: EventMetadata;
  events: Array<{ eventId: string; type: string; schemaVersion: number; data: string }>;
}

export interface StreamHeadDocument {
  _id: string;
  version: number;
}

export interface CounterDocument {
  _id: string;
  value: number;
}

export const POSITION_COUNTER = 'position';

const COLLECTION_NAMES = ['event_commits', 'event_streams', 'event_counters'] as const;
const NAMESPACE_EXISTS = 48;

export function eventCollections(connection: Connection) {
  return {
    commits: connection.collection<CommitDocument>('event_commits'),
    streams: connection.collection<StreamHeadDocument>('event_streams'),
    counters: connection.collection<CounterDocument>('event_counters'),
  };
}

export type EventCollections = ReturnType<typeof eventCollections>;

/**
 * Collections are created up front because a transaction with snapshot read concern may not
 * create one. Unique indexes are the safety net behind the stream-head check and the commandId
 * lookup.
 */
export async function ensureEventIndexes(connection: Connection, { commits }: EventCollections): Promise<void> {
  for (const name of COLLECTION_NAMES) {
    await connection.createCollection(name).catch((error: { code?: number }) => {
      if (error.code !== NAMESPACE_EXISTS) throw error;
    });
  }
  await commits.createIndex({ streamId: 1, fromVersion: 1 }, { unique: true });
  await commits.createIndex({ commandId: 1 }, { unique: true });
  await commits.createIndex({ toPosition: 1 }, { unique: true });
}

/** Expands a commit into its events; `_id` and the commit's bookkeeping stay in the adapter. */
export function commitEvents(commit: CommitDocument): StoredEvent[] {
  return commit.events.map((event, index) => ({
    eventId: event.eventId,
    streamId: commit.streamId,
    version: commit.fromVersion + index,
    position: commit.fromPosition + index,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.parse(event.data),
    metadata: { ...commit.metadata, actor: { ...commit.metadata.actor } },
  }));
}
