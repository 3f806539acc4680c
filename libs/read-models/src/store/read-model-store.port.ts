/** How far a generation of a projection has applied the event feed (contract G6). */
export interface ReadModelCheckpoint {
  /** Position of the last event applied; 0 before the first. */
  position: number;
  /** `recordedAt` of that event (ISO-8601), null before the first. */
  recordedAt: string | null;
}

/** A document is a JSON object (any interface of plain data); `doc: null` deletes it. */
export type ReadModelDoc = object;

export interface DocumentChange<Doc extends ReadModelDoc = ReadModelDoc> {
  collection: string;
  id: string;
  doc: Doc | null;
}

export type WhereValue = string | number | boolean | null;

export interface OrderBy {
  /** A top-level or dotted field name, e.g. `title` or `owner.id`. */
  field: string;
  direction?: 'asc' | 'desc';
}

/**
 * Equality filters and ordering on scalar fields. `null` matches a null or missing field.
 * Ties are broken by document id, so paging is stable. Order on fields holding one type: how
 * numbers sort against text differs between SQLite and MongoDB.
 */
export interface FindQuery {
  where?: Record<string, WhereValue>;
  orderBy?: OrderBy | readonly OrderBy[];
  limit?: number;
  offset?: number;
}

export interface CommitOptions {
  /** Fencing: the commit fails with LeaseLostError unless this owner holds the projection's lease. */
  ownerId?: string;
  /**
   * The caller never mutates these documents once committed (projections build new objects), so
   * the JSON of their unchanged parts may be reused from an earlier commit instead of rebuilt.
   */
  immutableDocs?: boolean;
}

export interface CommitResult {
  /** False when the checkpoint was not ahead of the stored one: a redelivery, nothing written. */
  applied: boolean;
  checkpoint: ReadModelCheckpoint;
}

export type GenerationStatus = 'building' | 'active' | 'retired';

export interface GenerationInfo {
  projection: string;
  generation: number;
  /** The projection's code version that built it; a new version means a rebuild. */
  version: number;
  status: GenerationStatus;
  checkpoint: ReadModelCheckpoint;
}

export interface LeaseInfo {
  projection: string;
  ownerId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface DeadLetterInput {
  position: number;
  eventId: string;
  type: string;
  error: string;
}

export interface DeadLetter extends DeadLetterInput {
  projection: string;
  /** When the event was dead-lettered (ISO-8601). */
  failedAt: string;
}

/**
 * Where projections keep their read models. Readers (`get`, `find`) only ever see the ACTIVE
 * generation of the projection that owns a collection; a projection writes into one generation
 * at a time, so a rebuild fills a new generation and `activate` swaps it in one write.
 */
export interface ReadModelStore {
  get<Doc extends ReadModelDoc = ReadModelDoc>(collection: string, id: string): Promise<Doc | undefined>;
  find<Doc extends ReadModelDoc = ReadModelDoc>(collection: string, query?: FindQuery): Promise<Doc[]>;

  /** Writer side: documents of one generation (active or still building), by id. */
  loadDocs<Doc extends ReadModelDoc = ReadModelDoc>(
    projection: string,
    generation: number,
    collection: string,
    ids: readonly string[],
  ): Promise<Map<string, Doc>>;

  /**
   * Writes the documents and the checkpoint in one atomic write. A checkpoint at or below the
   * stored one changes nothing (at-least-once delivery made idempotent).
   */
  commit(
    projection: string,
    generation: number,
    changes: readonly DocumentChange[],
    checkpoint: ReadModelCheckpoint,
    options?: CommitOptions,
  ): Promise<CommitResult>;

  /** Checkpoint of the given generation, or of the active one; position 0 when there is none. */
  checkpoint(projection: string, generation?: number): Promise<ReadModelCheckpoint>;

  beginGeneration(projection: string, options?: { version?: number }): Promise<number>;
  /** Makes `generation` the one readers see; the previous active generation becomes retired. */
  activate(projection: string, generation: number): Promise<void>;
  /** Deletes a building or retired generation and its documents; the active one cannot be dropped. */
  dropGeneration(projection: string, generation: number): Promise<void>;
  activeGeneration(projection: string): Promise<GenerationInfo | undefined>;
  generations(projection: string): Promise<GenerationInfo[]>;

  /** True when `ownerId` now holds the lease: it was free, expired, or already `ownerId`'s. */
  tryAcquireLease(projection: string, ownerId: string, ttlMs: number): Promise<boolean>;
  /** False when someone else holds the lease now: the caller must stop writing. */
  renewLease(projection: string, ownerId: string, ttlMs: number): Promise<boolean>;
  releaseLease(projection: string, ownerId: string): Promise<void>;
  leaseHolder(projection: string): Promise<LeaseInfo | undefined>;

  /** Idempotent per (projection, position): a redelivered failure replaces the earlier record. */
  recordDeadLetter(projection: string, deadLetter: DeadLetterInput): Promise<void>;
  listDeadLetters(projection: string): Promise<DeadLetter[]>;

  close(): Promise<void>;
}
