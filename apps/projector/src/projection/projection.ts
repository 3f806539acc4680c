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
  /** Ids of the documents `event` changes, in the order `evolve` is asked for them. */
  keysOf(event: StoredEvent): readonly string[];
  /**
   * Optional: more documents `event` changes that only other documents know of (the people a score
   * is shared with, say). `read` gives the documents already named, as they were before the event;
   * the runner asks again after loading what this returned, until nothing new comes back.
   */
  relatedKeysOf?(event: StoredEvent, read: DocReader<Doc>): readonly string[];
  /**
   * The document `id` after `event`; `undefined` in means none yet, `null` out deletes it. Must
   * not mutate `doc`: returning the same object means "unchanged" and nothing is written. `id`
   * tells an event that touches several documents which one is asked for. `read` gives another
   * document of the same event: as the event left it when its key came earlier, else as before
   * (the runner always passes it; tests of single-document projections may leave it out).
   */
  evolve(doc: Doc | undefined, event: StoredEvent, id: string, read?: DocReader<Doc>): Doc | null;
  /**
   * Optional, for projections whose keysOf names one document per event and that have no
   * relatedKeysOf: the document after several of its events in a row, in one call. Must give what
   * evolving them one by one gives; a throw makes the runner do just that, to find the event at fault.
   */
  evolveRun?(doc: Doc | undefined, events: readonly StoredEvent[], id: string): Doc | null;
}

/** Another document of the event being applied; undefined when there is none. */
export type DocReader<Doc extends ReadModelDoc = ReadModelDoc> = (id: string) => Doc | undefined;

// Projections of any document type run side by side in one runner list.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any>;
