import type { StoredEvent } from '@bandpro/events';
import type { ReadModelDoc } from '@bandpro/read-models';

/**
 * One read model: which events it reads, which documents each event touches and how a document
 * evolves. Pure: the same events always give the same documents, which is what lets a rebuild
 * from position 0 reproduce what live processing built (contract G6, test 8).
 */
export interface Projection<Doc extends ReadModelDoc = ReadModelDoc> {
  /** Names the checkpoint, the lease and the generations in the read model store. */
  readonly name: string;
  /** Bump it when `evolve` changes meaning: the runner then rebuilds into a new generation. */
  readonly version: number;
  /** Where the documents go; readers query it by this name. */
  readonly collection: string;
  /** Other events are skipped (the checkpoint still moves past them). */
  readonly eventTypes: readonly string[];
  /** Ids of the documents `event` changes. */
  keysOf(event: StoredEvent): readonly string[];
  /**
   * The document `id` after `event`; `undefined` in means none yet, `null` out deletes it. Must
   * not mutate `doc`: returning the same object means "unchanged" and nothing is written. `id`
   * tells an event that touches several documents which one is asked for.
   */
  evolve(doc: Doc | undefined, event: StoredEvent, id: string): Doc | null;
}

// Projections of any document type run side by side in one runner list.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any>;
