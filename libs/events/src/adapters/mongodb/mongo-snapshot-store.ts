import type { Connection } from 'mongoose';
import type { LoadSnapshotOptions, Snapshot, SnapshotStore } from '../../snapshots/snapshot-store.port';

interface SnapshotDocument {
  streamId: string;
  schemaVersion: number;
  version: number;
  /** JSON text: states may hold `$`-prefixed keys (sealed personal data) that BSON documents reject. */
  state: string;
}

/** Snapshots in one MongoDB collection; the caller owns the mongoose connection. */
export class MongoSnapshotStore implements SnapshotStore {
  private readonly collection;
  private indexed?: Promise<unknown>;

  constructor(connection: Connection, collectionName = 'snapshots') {
    this.collection = connection.collection<SnapshotDocument>(collectionName);
  }

  async save({ streamId, version, schemaVersion, state }: Snapshot): Promise<void> {
    await this.ensureIndex();
    const key = { streamId, schemaVersion, version };
    await this.collection.replaceOne(key, { ...key, state: JSON.stringify(state) }, { upsert: true });
  }

  async loadLatest(streamId: string, { atOrBelowVersion, schemaVersion }: LoadSnapshotOptions): Promise<Snapshot | undefined> {
    const bound = atOrBelowVersion ?? Number.MAX_SAFE_INTEGER;
    const found = await this.collection.findOne(
      { streamId, schemaVersion, version: { $lte: bound } },
      { sort: { version: -1 } },
    );
    return found ? { streamId, version: found.version, schemaVersion, state: JSON.parse(found.state) } : undefined;
  }

  async deleteStream(streamId: string): Promise<void> {
    await this.collection.deleteMany({ streamId }, { writeConcern: { w: 'majority', j: true } });
  }

  async close(): Promise<void> {
    // The connection belongs to the caller.
  }

  private ensureIndex(): Promise<unknown> {
    this.indexed ??= this.collection.createIndex({ streamId: 1, schemaVersion: 1, version: -1 }, { unique: true });
    return this.indexed;
  }
}
