import type { LoadSnapshotOptions, Snapshot, SnapshotStore } from '../../snapshots/snapshot-store.port';

/**
 * Snapshots in a Map, for tests and the in-memory store. States are kept as JSON text so that a
 * caller mutating a loaded state cannot corrupt the stored one, and so that a state which would
 * not survive SQLite or MongoDB does not survive here either.
 */
export class InMemorySnapshotStore implements SnapshotStore {
  private readonly byStream = new Map<string, Map<string, { version: number; schemaVersion: number; json: string }>>();

  async save({ streamId, version, schemaVersion, state }: Snapshot): Promise<void> {
    const stream = this.byStream.get(streamId) ?? new Map();
    stream.set(`${schemaVersion}:${version}`, { version, schemaVersion, json: JSON.stringify(state) });
    this.byStream.set(streamId, stream);
  }

  async loadLatest(streamId: string, { atOrBelowVersion, schemaVersion }: LoadSnapshotOptions): Promise<Snapshot | undefined> {
    let best: { version: number; json: string } | undefined;
    for (const entry of this.byStream.get(streamId)?.values() ?? []) {
      const fits = entry.schemaVersion === schemaVersion && entry.version <= (atOrBelowVersion ?? Infinity);
      if (fits && (!best || entry.version > best.version)) best = entry;
    }
    return best && { streamId, version: best.version, schemaVersion, state: JSON.parse(best.json) };
  }

  async deleteStream(streamId: string): Promise<void> {
    this.byStream.delete(streamId);
  }

  async close(): Promise<void> {
    // Nothing to release.
  }
}
