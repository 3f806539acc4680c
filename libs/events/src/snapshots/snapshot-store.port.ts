/**
 * A snapshot of one stream's state after `version` (contract G7). Snapshots are derived and
 * disposable: deleting them never loses data, it only makes the next load replay more events.
 */
export interface Snapshot {
  streamId: string;
  version: number;
  /** Version of the state's shape; a loader ignores snapshots of any other schema version. */
  schemaVersion: number;
  /** Plain JSON: adapters store it serialised, so class instances, Maps and Dates do not survive. */
  state: unknown;
}

export interface LoadSnapshotOptions {
  /** Inclusive upper bound; default: the newest snapshot. */
  atOrBelowVersion?: number;
  schemaVersion: number;
}

/** Keyed by (streamId, version, schemaVersion); saving the same key again replaces it. */
export interface SnapshotStore {
  save(snapshot: Snapshot): Promise<void>;
  /** The snapshot with the highest version ≤ `atOrBelowVersion` of that schema version. */
  loadLatest(streamId: string, options: LoadSnapshotOptions): Promise<Snapshot | undefined>;
  /** Drops every snapshot of the stream, of every schema version (used by erasure and rebuilds). */
  deleteStream(streamId: string): Promise<void>;
  close(): Promise<void>;
}
