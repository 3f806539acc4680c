export interface StateCacheOptions {
  /** Streams kept; the least recently used stream is dropped first. */
  maxStreams: number;
  /** Boundary states kept per stream; the least recently used boundary is dropped first. */
  maxStatesPerStream: number;
  /**
   * How many events a load may replay from a cached boundary further below the one it wants
   * before it parses a persisted snapshot instead. Default: 4 × snapshotEvery.
   */
  replayBudget?: number;
}

export interface StateCacheStats {
  /** Loads that started from a cached state. */
  hits: number;
  /** Loads that had to read a persisted snapshot (or replay from version 0). */
  misses: number;
  /** Boundary states dropped to stay within the bounds, a dropped stream counting all of its states. */
  evictions: number;
  streams: number;
  states: number;
}

export interface CachedState<S> {
  version: number;
  state: S;
}

interface StreamEntry<S> {
  /** Map order is recency order: the first key is the least recently used boundary. */
  states: Map<number, S>;
  /** Every boundary at or below it is believed to have a persisted snapshot, so a replay does not rewrite it. */
  persistedUpTo: number;
  /** The newest state a load reached, between boundaries: the next load of the head starts there. */
  tip?: CachedState<S>;
}

/**
 * States at snapshot boundaries, in memory, LRU by stream and by boundary within a stream.
 * A boundary's state never changes (events are immutable), so nothing is ever invalidated: appends
 * only add boundaries. The states are shared with every caller and must be treated as immutable.
 */
export class StateCache<S> {
  private readonly streams = new Map<string, StreamEntry<S>>();
  private readonly counts = { hits: 0, misses: 0, evictions: 0 };

  constructor(private readonly options: Readonly<Required<StateCacheOptions>>) {}

  get replayBudget(): number {
    return this.options.replayBudget;
  }

  /** The cached state (a boundary, or the stream's tip) with the highest version ≤ `version`. */
  nearestAtOrBelow(streamId: string, version: number): CachedState<S> | undefined {
    const entry = this.touch(streamId);
    if (!entry) return undefined;
    let best: number | undefined;
    for (const at of entry.states.keys()) if (at <= version && (best === undefined || at > best)) best = at;
    const { tip } = entry;
    if (tip && tip.version <= version && (best === undefined || tip.version > best)) return tip;
    if (best === undefined) return undefined;
    const state = entry.states.get(best) as S;
    entry.states.delete(best);
    entry.states.set(best, state);
    return { version: best, state };
  }

  remember(streamId: string, version: number, state: S): void {
    const entry = this.touch(streamId) ?? this.addStream(streamId);
    entry.states.delete(version);
    entry.states.set(version, state);
    if (entry.states.size > this.options.maxStatesPerStream) {
      entry.states.delete(entry.states.keys().next().value as number);
      this.counts.evictions += 1;
    }
  }

  /** Keeps the newest state a load reached (one per stream, never evicting boundaries). */
  rememberTip(streamId: string, version: number, state: S): void {
    const entry = this.touch(streamId) ?? this.addStream(streamId);
    if (!entry.tip || entry.tip.version <= version) entry.tip = { version, state };
  }

  isPersisted(streamId: string, version: number): boolean {
    return version <= (this.streams.get(streamId)?.persistedUpTo ?? 0);
  }

  markPersisted(streamId: string, version: number): void {
    const entry = this.streams.get(streamId) ?? this.addStream(streamId);
    entry.persistedUpTo = Math.max(entry.persistedUpTo, version);
  }

  countLoad(hit: boolean): void {
    if (hit) this.counts.hits += 1;
    else this.counts.misses += 1;
  }

  forget(streamId: string): void {
    this.streams.delete(streamId);
  }

  clear(): void {
    this.streams.clear();
  }

  stats(): StateCacheStats {
    let states = 0;
    for (const entry of this.streams.values()) states += entry.states.size;
    return { ...this.counts, streams: this.streams.size, states };
  }

  private touch(streamId: string): StreamEntry<S> | undefined {
    const entry = this.streams.get(streamId);
    if (entry) {
      this.streams.delete(streamId);
      this.streams.set(streamId, entry);
    }
    return entry;
  }

  private addStream(streamId: string): StreamEntry<S> {
    const entry: StreamEntry<S> = { states: new Map(), persistedUpTo: 0 };
    this.streams.set(streamId, entry);
    if (this.streams.size > this.options.maxStreams) {
      const [oldestId, oldest] = this.streams.entries().next().value as [string, StreamEntry<S>];
      this.streams.delete(oldestId);
      this.counts.evictions += oldest.states.size;
    }
    return entry;
  }
}
