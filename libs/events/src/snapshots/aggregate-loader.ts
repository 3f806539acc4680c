import type { StoredEvent } from '../envelope';
import type { EventStore } from '../store/event-store.port';
import type { SnapshotStore } from './snapshot-store.port';

export interface AggregateLoaderOptions<S> {
  store: EventStore;
  snapshots: SnapshotStore;
  initialState: () => S;
  /** Must be pure: a snapshot is only as good as a replay that gives the same state. */
  evolve: (state: S, event: StoredEvent) => S;
  /** A snapshot is kept at every multiple of this version, so a load replays at most this many events. */
  snapshotEvery: number;
  /** Bump it whenever the shape of S changes: older snapshots are then ignored and rebuilt. */
  schemaVersion: number;
}

export interface LoadOptions {
  /** Load the state as of this version (time travel); default: the latest. */
  version?: number;
}

export interface LoadedAggregate<S> {
  state: S;
  /** The version the state reflects; 0 for an absent stream, never above the stream's last version. */
  version: number;
}

export class InvalidSnapshotSettingsError extends Error {
  readonly code = 'INVALID_SNAPSHOT_SETTINGS';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSnapshotSettingsError';
  }
}

/**
 * Rebuilds a stream's state from its nearest snapshot plus the events after it (contract G7).
 * It writes the snapshots it finds missing while it replays, so the first load of a long stream
 * pays for the whole history once and every later load of any version replays fewer than
 * `snapshotEvery` events.
 */
export class AggregateLoader<S> {
  constructor(private readonly options: AggregateLoaderOptions<S>) {
    const { snapshotEvery, schemaVersion } = options;
    if (!Number.isInteger(snapshotEvery) || snapshotEvery < 1) {
      throw new InvalidSnapshotSettingsError(`snapshotEvery must be a positive integer, got ${snapshotEvery}`);
    }
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
      throw new InvalidSnapshotSettingsError(`schemaVersion must be a positive integer, got ${schemaVersion}`);
    }
  }

  async load(streamId: string, { version }: LoadOptions = {}): Promise<LoadedAggregate<S>> {
    if (version !== undefined && (!Number.isInteger(version) || version < 0)) {
      throw new InvalidSnapshotSettingsError(`version must be a non-negative integer, got ${version}`);
    }
    const { store, snapshots, evolve, snapshotEvery, schemaVersion } = this.options;
    const start = await this.startingPoint(streamId, version);
    let { state, version: at } = start;
    if (version !== undefined && at >= version) return { state, version: at };

    const range = version === undefined ? { fromVersion: at + 1 } : { fromVersion: at + 1, toVersion: version };
    for await (const event of store.readStream(streamId, range)) {
      state = evolve(state, event);
      at = event.version;
      if (at % snapshotEvery === 0) await snapshots.save({ streamId, version: at, schemaVersion, state });
    }
    return { state, version: at };
  }

  private async startingPoint(streamId: string, version: number | undefined): Promise<LoadedAggregate<S>> {
    const snapshot = await this.options.snapshots.loadLatest(streamId, {
      atOrBelowVersion: version,
      schemaVersion: this.options.schemaVersion,
    });
    if (!snapshot) return { state: this.options.initialState(), version: 0 };
    return { state: snapshot.state as S, version: snapshot.version };
  }
}
