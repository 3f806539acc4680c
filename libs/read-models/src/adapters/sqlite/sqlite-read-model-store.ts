import { openSqlite, type SqliteDatabase } from '@bandpro/events';
import type Database from 'better-sqlite3';
import { collectionsOf, isAhead, NO_CHECKPOINT, prepareCommitWith } from '../../shared/commit-rules';
import { toDeadLetter } from '../../shared/dead-letter-rules';
import { canAcquire, canRenew, checkLeaseRequest } from '../../shared/lease-rules';
import { normalizeQuery } from '../../shared/query';
import {
  CollectionOwnedError,
  GenerationActiveError,
  GenerationNotFoundError,
  LeaseLostError,
  ReadModelStoreError,
  ReadModelStoreUnavailableError,
} from '../../store/errors';
import type {
  CommitOptions,
  CommitResult,
  DeadLetter,
  DeadLetterInput,
  DocumentChange,
  FindQuery,
  GenerationInfo,
  LeaseInfo,
  ReadModelCheckpoint,
  ReadModelDoc,
  ReadModelStore,
} from '../../store/read-model-store.port';
import { storedDoc } from './split-docs';
import { readDoc, SqliteDocWriter, type WrittenDocs } from './sqlite-documents';
import { compileFind } from './sqlite-find';
import { setUpReadModelSchema } from './sqlite-schema';
import { prepareStatements, type DocRow, type GenerationRow, type LeaseRow, type SqliteStatements } from './sqlite-statements';

export type SqliteReadModelStoreOptions = ({ filename: string } | { db: SqliteDatabase }) & {
  /** Epoch milliseconds; leases and dead letters use it. */
  clock?: () => number;
};

/**
 * Read models in SQLite, by default in the same file as the events (tables prefixed rm_).
 * Every write is one IMMEDIATE transaction, so documents and checkpoint land together (G6) and
 * lease checks cannot race a takeover from another process.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: SqliteDatabase;
  private readonly ownsDb: boolean;
  private readonly clock: () => number;
  private readonly sql: SqliteStatements;
  private readonly docs: SqliteDocWriter;
  private readonly findStatements = new Map<string, Database.Statement<unknown[], DocRow>>();
  private closed = false;

  constructor(options: SqliteReadModelStoreOptions) {
    this.ownsDb = 'filename' in options;
    this.clock = options.clock ?? Date.now;
    this.db = 'filename' in options ? openOwned(options.filename) : options.db;
    try {
      setUpReadModelSchema(this.db);
      this.sql = prepareStatements(this.db);
      this.docs = new SqliteDocWriter(this.sql);
    } catch (error) {
      if (this.ownsDb) this.db.close();
      throw unavailable('Cannot set up the SQLite read model tables', error);
    }
  }

  async get<Doc extends ReadModelDoc>(collection: string, id: string): Promise<Doc | undefined> {
    return this.guard(() => {
      const row = this.sql.activeDoc.get(collection, id);
      return row && readDoc<Doc>(this.sql, row);
    });
  }

  async find<Doc extends ReadModelDoc>(collection: string, query?: FindQuery): Promise<Doc[]> {
    const { sql, params } = compileFind(collection, normalizeQuery(query));
    return this.guard(() => this.findStatement(sql).all(...params).map((row) => readDoc<Doc>(this.sql, row)));
  }

  async loadDocs<Doc extends ReadModelDoc>(
    projection: string,
    generation: number,
    collection: string,
    ids: readonly string[],
  ): Promise<Map<string, Doc>> {
    return this.guard(() => {
      this.generationOf(projection, generation);
      const rows = this.sql.generationDocs.all(generation, collection, JSON.stringify(ids));
      return new Map(rows.map((row) => [row.id, readDoc<Doc>(this.sql, row)]));
    });
  }

  async commit(
    projection: string,
    generation: number,
    changes: readonly DocumentChange[],
    checkpoint: ReadModelCheckpoint,
    options: CommitOptions = {},
  ): Promise<CommitResult> {
    const prepared = prepareCommitWith(changes, checkpoint, (doc) => storedDoc(doc, options.immutableDocs ?? false));
    const outcome = this.write((): CommitResult & { written?: WrittenDocs } => {
      const stored = checkpointOf(this.generationOf(projection, generation));
      if (options.ownerId !== undefined && !canRenew(this.lease(projection), options.ownerId)) {
        throw new LeaseLostError(projection, options.ownerId);
      }
      if (!isAhead(checkpoint, stored)) return { applied: false, checkpoint: stored };
      this.claim(collectionsOf(prepared), projection);
      const written = this.docs.write(generation, prepared, checkpoint.position);
      this.sql.setCheckpoint.run(checkpoint.position, checkpoint.recordedAt, generation);
      return { applied: true, checkpoint: { position: checkpoint.position, recordedAt: checkpoint.recordedAt }, written };
    });
    if (outcome.written) this.docs.committed(outcome.written);
    return { applied: outcome.applied, checkpoint: outcome.checkpoint };
  }

  async checkpoint(projection: string, generation?: number): Promise<ReadModelCheckpoint> {
    return this.guard(() => {
      const row = generation === undefined ? this.sql.activeGeneration.get(projection) : this.generationOf(projection, generation);
      return row ? checkpointOf(row) : { ...NO_CHECKPOINT };
    });
  }

  async beginGeneration(projection: string, options: { version?: number } = {}): Promise<number> {
    return this.write(() => Number(this.sql.insertGeneration.run(projection, options.version ?? 1).lastInsertRowid));
  }

  async activate(projection: string, generation: number): Promise<void> {
    this.write(() => {
      this.generationOf(projection, generation);
      this.sql.retireActive.run(projection);
      this.sql.markActive.run(generation);
    });
  }

  async dropGeneration(projection: string, generation: number): Promise<void> {
    this.write(() => {
      const row = this.sql.generation.get(generation);
      if (!row || row.projection !== projection) return;
      if (row.status === 'active') throw new GenerationActiveError(projection, generation);
      this.sql.deleteGenerationDocs.run(generation);
      this.sql.deleteGenerationItems.run(generation);
      this.sql.deleteGeneration.run(generation);
      this.docs.forgetAll();
    });
  }

  async activeGeneration(projection: string): Promise<GenerationInfo | undefined> {
    const row = this.guard(() => this.sql.activeGeneration.get(projection));
    return row && toInfo(row);
  }

  async generations(projection: string): Promise<GenerationInfo[]> {
    return this.guard(() => this.sql.generationsOf.all(projection)).map(toInfo);
  }

  async tryAcquireLease(projection: string, ownerId: string, ttlMs: number): Promise<boolean> {
    checkLeaseRequest(ownerId, ttlMs);
    return this.write(() => {
      const now = this.clock();
      if (!canAcquire(this.lease(projection), ownerId, now)) return false;
      this.sql.putLease.run(projection, ownerId, now + ttlMs);
      return true;
    });
  }

  async renewLease(projection: string, ownerId: string, ttlMs: number): Promise<boolean> {
    checkLeaseRequest(ownerId, ttlMs);
    return this.write(() => {
      if (!canRenew(this.lease(projection), ownerId)) return false;
      this.sql.putLease.run(projection, ownerId, this.clock() + ttlMs);
      return true;
    });
  }

  async releaseLease(projection: string, ownerId: string): Promise<void> {
    this.write(() => this.sql.deleteLease.run(projection, ownerId));
  }

  async leaseHolder(projection: string): Promise<LeaseInfo | undefined> {
    return this.guard(() => this.lease(projection));
  }

  async recordDeadLetter(projection: string, input: DeadLetterInput): Promise<void> {
    const l = toDeadLetter(projection, input, this.clock());
    this.write(() => this.sql.putDeadLetter.run(projection, l.position, l.eventId, l.type, l.error, l.failedAt));
  }

  async listDeadLetters(projection: string): Promise<DeadLetter[]> {
    const rows = this.guard(() => this.sql.deadLetters.all(projection));
    return rows.map((r) => ({ projection, position: r.position, eventId: r.event_id, type: r.type, error: r.error, failedAt: r.failed_at }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsDb) this.db.close();
  }

  private generationOf(projection: string, generation: number): GenerationRow {
    const row = this.sql.generation.get(generation);
    if (!row || row.projection !== projection) throw new GenerationNotFoundError(projection, generation);
    return row;
  }

  private lease(projection: string): LeaseInfo | undefined {
    const row: LeaseRow | undefined = this.sql.lease.get(projection);
    return row && { projection, ownerId: row.owner_id, expiresAt: row.expires_at };
  }

  /** A collection belongs to the first projection that writes it: readers find it through its owner. */
  private claim(collections: readonly string[], projection: string): void {
    for (const collection of collections) {
      this.sql.claim.run(collection, projection);
      const owner = this.sql.ownerOf.get(collection)?.projection ?? projection;
      if (owner !== projection) throw new CollectionOwnedError(collection, owner, projection);
    }
  }

  private findStatement(sql: string) {
    let statement = this.findStatements.get(sql);
    if (!statement) {
      if (this.findStatements.size >= 100) this.findStatements.clear();
      statement = this.db.prepare<unknown[], DocRow>(sql);
      this.findStatements.set(sql, statement);
    }
    return statement;
  }

  private write<T>(work: () => T): T {
    return this.guard(() => this.db.transaction(work).immediate());
  }

  /** Our own errors pass through; a driver error becomes the store's typed error. */
  private guard<T>(work: () => T): T {
    if (this.closed) throw new ReadModelStoreUnavailableError('The SQLite read model store is closed');
    try {
      return work();
    } catch (error) {
      if (error instanceof ReadModelStoreError) throw error;
      throw unavailable('SQLite read model store failed', error);
    }
  }
}

/**
 * Its own connection to the file need not wait for the disk on each commit (synchronous=NORMAL,
 * per connection): read models are derived, documents and checkpoint still commit together, and
 * a commit lost to a power cut is built again from the events, which the event store's connection
 * writes with FULL. Shorter commits also hold the file's write lock for less time.
 */
function openOwned(filename: string): SqliteDatabase {
  try {
    const db = openSqlite(filename);
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (error) {
    throw unavailable(`Cannot open ${filename}`, error);
  }
}

function unavailable(context: string, error: unknown): ReadModelStoreUnavailableError {
  return new ReadModelStoreUnavailableError(`${context}: ${(error as Error).message}`, error);
}

function checkpointOf(row: GenerationRow): ReadModelCheckpoint {
  return { position: row.position, recordedAt: row.recorded_at };
}

function toInfo(row: GenerationRow): GenerationInfo {
  return { projection: row.projection, generation: row.generation, version: row.version, status: row.status, checkpoint: checkpointOf(row) };
}
