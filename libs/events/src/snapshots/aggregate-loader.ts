import type { StoredEvent } from '../envelope';
import type { ErasureListener } from '../erasure/personal-data-vault';
import type { EventStore } from '../store/event-store.port';
import type { SnapshotStore } from './snapshot-store.port';
import { StateCache, type StateCacheOptions, type StateCacheStats } from './state-cache';

export interface AggregateLoaderOptions<S> {
  store: EventStore;
  snapshots: SnapshotStore;
  initialState: () => S;
  /**
   * Must be pure and must never mutate the state it is given: a snapshot is only as good as a
   * replay that gives the same state, and with `stateCache` one state object is shared by the
   * cache and every load that starts from it.
   */
  evolve: (state: S, event: StoredEvent) => S;
  /**
   * Optional, faster: folds a run of events at once, giving exactly what folding them one by one with
   * `evolve` gives and, like it, never mutating the state it is given (e.g. the domain's `evolveAll`,
   * which may write in place only into what it created during that call). The loader calls it once per
   * run of events between the states it keeps (snapshot boundaries, the end of the load).
   */
  evolveAll?: (state: S, events: readonly StoredEvent[]) => S;
  /** A snapshot is kept at every multiple of this version, so a load replays at most this many events. */
  snapshotEvery: number;
  /** Bump it whenever the shape of S changes: older snapshots are then ignored and rebuilt. */
  schemaVersion: number;
  /**
   * Opt-in: keep the states at snapshot boundaries in memory, so time travel skips parsing a
   * persisted snapshot. Loaded states are then shared and must be treated as immutable.
   */
  stateCache?: StateCacheOptions;
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
 *
 * With `stateCache`, a load starts from the nearest boundary state in memory when that replays at
 * most `replayBudget` events, and parses a persisted snapshot only otherwise. The cache holds
 * opened personal data, so register the loader as an ErasureListener (contract G9).
 */
export class AggregateLoader<S> implements ErasureListener {
  private readonly cache?: StateCache<S>;

  constructor(private readonly options: AggregateLoaderOptions<S>) {
    const { snapshotEvery, schemaVersion, stateCache } = options;
    requireInteger('snapshotEvery', snapshotEvery, 1);
    requireInteger('schemaVersion', schemaVersion, 1);
    if (stateCache) {
      const { maxStreams, maxStatesPerStream, replayBudget = 4 * snapshotEvery } = stateCache;
      requireInteger('stateCache.maxStreams', maxStreams, 1);
      requireInteger('stateCache.maxStatesPerStream', maxStatesPerStream, 1);
      requireInteger('stateCache.replayBudget', replayBudget, 0);
      // A replay from the nearest boundary below is always allowed: it is what the bound promises.
      this.cache = new StateCache({ maxStreams, maxStatesPerStream, replayBudget: Math.max(replayBudget, snapshotEvery - 1) });
    }
  }

  async load(streamId: string, { version }: LoadOptions = {}): Promise<LoadedAggregate<S>> {
    if (version !== undefined) requireInteger('version', version, 0);
    if (!this.cache) return this.replay(streamId, await this.persistedStart(streamId, version), version);
    // The head moves, so a load of the latest version needs it to judge the replay budget; reading up to it, an
    // unchanged stream (the cached tip is the head) costs no read at all.
    const target = version ?? (await this.options.store.streamVersion(streamId));
    return this.replay(streamId, await this.cachedStart(this.cache, streamId, target, version), target);
  }

  /**
   * Replays the stream once to fill the cache with its newest `maxStatesPerStream` boundary states,
   * e.g. the first time someone browses its history. Without a cache it is a plain load.
   */
  async prime(streamId: string): Promise<LoadedAggregate<S>> {
    const { cache } = this;
    if (!cache) return this.load(streamId);
    const { store, snapshots, snapshotEvery, schemaVersion, stateCache } = this.options;
    const head = await store.streamVersion(streamId);
    const keptPerStream = (stateCache as StateCacheOptions).maxStatesPerStream;
    const lowestKept = Math.max(0, Math.floor(head / snapshotEvery) - keptPerStream + 1) * snapshotEvery;
    // The newest snapshot tells which boundaries this replay need not write again.
    const newest = await snapshots.loadLatest(streamId, { schemaVersion });
    if (newest) cache.markPersisted(streamId, newest.version);
    let start: LoadedAggregate<S> = { state: this.options.initialState(), version: 0 };
    if (newest && newest.version <= lowestKept) start = { state: newest.state as S, version: newest.version };
    else if (newest && lowestKept > 0) start = await this.persistedStart(streamId, lowestKept);
    return this.replay(streamId, start, undefined);
  }

  /**
   * Tells the loader about events this process has just appended (the append succeeded) after loading `from`, so
   * the next load of the head starts from the state they lead to instead of reading them back. Ignored without a
   * cache, and when they cross a snapshot boundary: the next load replays through it and writes its snapshot.
   * Their versions follow `from.version` by construction (the append expected it).
   */
  appended(streamId: string, from: LoadedAggregate<S>, events: readonly StoredEvent[]): void {
    const { cache } = this;
    const last = events.at(-1);
    if (!cache || last === undefined || events[0].version !== from.version + 1) return;
    const { snapshotEvery } = this.options;
    if (Math.floor(last.version / snapshotEvery) !== Math.floor(from.version / snapshotEvery)) return;
    cache.rememberTip(streamId, last.version, this.fold(from.state, events));
  }

  cacheStats(): StateCacheStats | undefined {
    return this.cache?.stats();
  }

  /** Drops the stream's cached states, e.g. after its snapshots were deleted behind the loader's back. */
  forget(streamId: string): void {
    this.cache?.forget(streamId);
  }

  /** Erasure: cached states may hold the subject's data opened; they are only a cache, so drop them all. */
  purgeSubject(): void {
    this.cache?.clear();
  }

  private async replay(streamId: string, start: LoadedAggregate<S>, version: number | undefined): Promise<LoadedAggregate<S>> {
    const { store, snapshotEvery } = this.options;
    let { state, version: at } = start;
    if (version !== undefined && at >= version) return { state, version: at };

    const range = version === undefined ? { fromVersion: at + 1 } : { fromVersion: at + 1, toVersion: version };
    // Each run ends where a state is kept, so a batch fold never hands out a state it may still write into.
    let run: StoredEvent[] = [];
    for await (const event of store.readStream(streamId, range)) {
      run.push(event);
      at = event.version;
      if (at % snapshotEvery === 0) {
        state = this.fold(state, run);
        run = [];
        await this.passBoundary(streamId, at, state);
      }
    }
    state = this.fold(state, run);
    // Editing loads the head again and again: starting from the last one replays only what came since.
    if (this.cache && at > start.version && at % snapshotEvery !== 0) this.cache.rememberTip(streamId, at, state);
    return { state, version: at };
  }

  private fold(state: S, events: readonly StoredEvent[]): S {
    const { evolve, evolveAll } = this.options;
    if (events.length === 0) return state;
    return evolveAll ? evolveAll(state, events) : events.reduce(evolve, state);
  }

  private async passBoundary(streamId: string, version: number, state: S): Promise<void> {
    const { snapshots, schemaVersion } = this.options;
    const { cache } = this;
    cache?.remember(streamId, version, state);
    // Serialising a large state costs as much as parsing it: write only the snapshots not yet there.
    if (cache?.isPersisted(streamId, version)) return;
    await snapshots.save({ streamId, version, schemaVersion, state });
    cache?.markPersisted(streamId, version);
  }

  private async cachedStart(cache: StateCache<S>, streamId: string, target: number, version: number | undefined) {
    const cached = cache.nearestAtOrBelow(streamId, target);
    const hit = cached !== undefined && target - cached.version <= cache.replayBudget;
    cache.countLoad(hit);
    if (hit) return cached;
    const persisted = await this.persistedStart(streamId, version);
    return cached && cached.version > persisted.version ? cached : persisted;
  }

  private async persistedStart(streamId: string, version: number | undefined): Promise<LoadedAggregate<S>> {
    const snapshot = await this.options.snapshots.loadLatest(streamId, {
      atOrBelowVersion: version,
      schemaVersion: this.options.schemaVersion,
    });
    if (!snapshot) return { state: this.options.initialState(), version: 0 };
    const state = snapshot.state as S;
    this.cache?.markPersisted(streamId, snapshot.version);
    this.cache?.remember(streamId, snapshot.version, state);
    return { state, version: snapshot.version };
  }
}

function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidSnapshotSettingsError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}
