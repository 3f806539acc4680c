import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@bandpro/events';
import { EVENT_STORE } from './tokens';

export interface Folded<S> {
  state: S;
  version: number;
}

export interface Fold<S, E> {
  initial: () => S;
  evolve: (state: S, event: E) => S;
}

/** How many streams keep their newest fold in memory; the least recently used go first. */
export const MAX_FOLDED_STREAMS = 20_000;

/**
 * The newest state of short streams (sessions, access lists) that every request asks about. A load costs the
 * store one version lookup when nothing changed, and reads only the events since otherwise, so a change made
 * through another API process counts at once. States are immutable values: callers never mutate them.
 * Folds are kept per `key`, the stream id unless the fold's initial state depends on more than the stream.
 */
@Injectable()
export class StreamFolds {
  private readonly folds = new Map<string, Folded<unknown>>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly maxStreams = MAX_FOLDED_STREAMS) {}

  async load<S, E extends { type: string; data: unknown }>(streamId: string, fold: Fold<S, E>, key = streamId): Promise<Folded<S>> {
    const head = await this.store.streamVersion(streamId);
    const cached = this.folds.get(key) as Folded<S> | undefined;
    if (cached !== undefined && cached.version === head) return this.keep(key, cached);
    let { state, version } = cached !== undefined && cached.version < head ? cached : { state: fold.initial(), version: 0 };
    for await (const event of this.store.readStream(streamId, { fromVersion: version + 1 })) {
      state = fold.evolve(state, { type: event.type, data: event.data } as E);
      version = event.version;
    }
    return this.keep(key, { state, version });
  }

  /** Drops every kept fold (after an erasure, folds may hold opened personal data the store no longer yields). */
  clear(): void {
    this.folds.clear();
  }

  private keep<S>(key: string, folded: Folded<S>): Folded<S> {
    this.folds.delete(key);
    this.folds.set(key, folded);
    if (this.folds.size > this.maxStreams) this.folds.delete(this.folds.keys().next().value as string);
    return folded;
  }
}
