import type { NewEvent, StoredEvent } from '../../envelope';
import { OpenGuard } from '../../store/closable';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
} from '../../store/event-store.port';
import { prepareAppend, type PreparedAppend } from '../../store/prepare-append';
import { resolveReadAll, resolveReadStream } from '../../store/read-options';
import type { AppendHooks, EventStoreOptions } from '../../store/store-options';
import { appendResult, toStoredEvent } from '../../store/stored-events';
import { UpcasterChain } from '../../upcasting/upcaster-chain';
import { SqliteAppendWriter, type AppendRequest, type WriteOutcome, type WrittenAppend } from './append-writer';
import type { GroupCommitStats } from './group-commit';
import { openSqlite, type SqliteDatabase } from './sqlite-connection';
import { ensureEventTables, prepareEventStatements, type EventRow, type EventStatements } from './sqlite-event-schema';
import { unavailable } from './sqlite-errors';
import { StreamHeads } from './stream-heads';
import { WriterThread } from './writer-thread';

export interface SqliteEventStoreOptions extends EventStoreOptions {
  /** A file to open with `openSqlite`; the store then owns and closes the handle. */
  filename?: string;
  /** An open handle shared with other tables (snapshots, read models), from `openSqlite` so it is
   *  durable (WAL, synchronous=FULL); the caller closes it. */
  db?: SqliteDatabase;
  /** Most appends committed in one transaction. */
  maxGroupSize?: number;
  /** How long a group may wait for more appends while writers are concurrent; default GROUP_COMMIT_WINDOW_MS. */
  groupCommitWindowMs?: number;
  /** Rows fetched per query when streaming reads. */
  pageSize?: number;
  /**
   * Appends are written on a worker thread with its own connection (writer-thread.ts), so their transactions and
   * fsyncs never block this thread's event loop. Needs `filename`; cannot be combined with `db`, `clock` or
   * `hooks` (functions stay on this thread).
   */
  writerThread?: boolean;
}

/** Where appends are written: here (SqliteAppendWriter) or on a worker thread (WriterThread). */
interface AppendWriter {
  write(request: AppendRequest): Promise<WriteOutcome>;
  readonly stats: Readonly<GroupCommitStats>;
  close(): Promise<void>;
}

/**
 * The embedded, durable default. Reads run on this store's connection; appends go to its writer
 * (SqliteAppendWriter: group commit, positions assigned inside `BEGIN IMMEDIATE`, G4).
 */
export class SqliteEventStore implements EventStore {
  private readonly db: SqliteDatabase;
  private readonly ownsDb: boolean;
  private readonly statements: EventStatements;
  private readonly writer: AppendWriter;
  private readonly threaded: boolean;
  private readonly heads: StreamHeads;
  private readonly upcasters: UpcasterChain;
  private readonly hooks: AppendHooks;
  private readonly pageSize: number;
  private readonly guard = new OpenGuard('SqliteEventStore');

  constructor(options: SqliteEventStoreOptions) {
    if ((options.db === undefined) === (options.filename === undefined)) {
      throw new TypeError('SqliteEventStore needs exactly one of `filename` or `db`');
    }
    this.ownsDb = options.db === undefined;
    this.threaded = options.writerThread === true;
    if (this.threaded && (options.db !== undefined || options.clock !== undefined || options.hooks !== undefined)) {
      throw new TypeError('SqliteEventStore: writerThread cannot be combined with `db`, `clock` or `hooks`');
    }
    try {
      this.db = options.db ?? openSqlite(options.filename as string);
    } catch (error) {
      throw unavailable(error);
    }
    this.upcasters = options.upcasters ?? new UpcasterChain();
    this.hooks = options.hooks ?? {};
    this.pageSize = options.pageSize ?? 500;
    try {
      ensureEventTables(this.db);
      this.statements = prepareEventStatements(this.db);
      this.heads = new StreamHeads(this.db);
      const { maxGroupSize, groupCommitWindowMs } = options;
      if (this.threaded) {
        this.writer = new WriterThread(options.filename as string, { maxGroupSize, groupCommitWindowMs });
      } else {
        const beforeCommit = this.hooks.beforeCommit && ((append: AppendRequest, written: WrittenAppend) => this.hooks.beforeCommit?.(storedEvents(append, written)));
        this.writer = new SqliteAppendWriter(this.db, this.heads, { maxGroupSize, groupCommitWindowMs, clock: options.clock, beforeCommit });
      }
    } catch (error) {
      if (this.ownsDb) this.db.close();
      throw unavailable(error);
    }
  }

  /** How well group commit is working: appends per transaction = appends / commits. */
  get commitStats(): Readonly<GroupCommitStats> {
    return this.writer.stats;
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.guard.assertOpen();
    const append = prepareAppend(streamId, events, options, this.upcasters);
    if (!this.threaded) return this.resultOf(append, await this.writer.write(append));
    // Plain data for the thread: a structured clone would call the fingerprint getter (a hash nobody needs yet).
    const { expectedVersion, commandId, metadata } = append;
    const result = this.resultOf(append, await this.writer.write({ streamId, expectedVersion, commandId, events: append.events, metadata }));
    // Reads of this turn see the new version at once; the thread's commit shows to them from the next turn on.
    this.heads.noteWritten(streamId, result.nextExpectedVersion);
    return result;
  }

  async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    const { fromVersion, toVersion } = resolveReadStream(streamId, options);
    const last = Math.min(toVersion, Number.MAX_SAFE_INTEGER);
    for (let from = fromVersion; from <= last; ) {
      const rows = this.query(() => this.statements.streamPage.all(streamId, from, last, this.pageSize));
      for (const event of toEvents(rows)) yield this.upcasters.upcast(event);
      if (rows.length < this.pageSize) return;
      from = rows[rows.length - 1].version + 1;
    }
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    const { afterPosition, limit } = resolveReadAll(options);
    const rows = this.query(() => this.statements.allPage.all(afterPosition, limit));
    return toEvents(rows).map((event) => this.upcasters.upcast(event));
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.query(() => this.heads.readVersion(streamId, () => this.currentVersion(streamId)));
  }

  async headPosition(): Promise<number> {
    return this.query(() => (this.statements.headPosition.get() as { head: number }).head);
  }

  /** Commits what is queued, then closes the file if this store opened it. */
  async close(): Promise<void> {
    if (!this.guard.isOpen) return;
    this.guard.close();
    await this.writer.close();
    if (this.ownsDb) this.db.close();
  }

  private resultOf(append: PreparedAppend, outcome: WriteOutcome): AppendResult {
    if (outcome.kind === 'duplicate') return appendResult(append.streamId, toEvents(outcome.rows), true, this.upcasters);
    return appendResult(append.streamId, storedEvents(append, outcome), false, this.upcasters);
  }

  private currentVersion(streamId: string): number {
    return this.statements.streamVersion.get(streamId)?.version ?? 0;
  }

  private query<R>(read: () => R): R {
    this.guard.assertOpen();
    try {
      return read();
    } catch (error) {
      throw unavailable(error);
    }
  }
}

/** The events an append wrote, as the store keeps them (before upcasting). */
function storedEvents(append: AppendRequest, written: WrittenAppend): StoredEvent[] {
  return append.events.map((_, index) =>
    toStoredEvent(append, index, { version: written.fromVersion + index, position: written.positions[index], eventId: written.eventIds[index], metadata: written.metadata }),
  );
}

/**
 * The events of one append carry the same metadata text: it is parsed once and the object shared,
 * as `append` already returns it (events are never mutated). Rebuilds read a million rows.
 */
function toEvents(rows: readonly EventRow[]): StoredEvent[] {
  const events: StoredEvent[] = new Array(rows.length);
  let metadataText: string | undefined;
  let metadata: StoredEvent['metadata'] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.metadata !== metadataText) {
      metadataText = row.metadata;
      metadata = JSON.parse(row.metadata) as StoredEvent['metadata'];
    }
    events[i] = {
      eventId: row.event_id,
      streamId: row.stream_id,
      version: row.version,
      position: row.position,
      type: row.type,
      schemaVersion: row.schema_version,
      data: JSON.parse(row.data),
      metadata: metadata as StoredEvent['metadata'],
    };
  }
  return events;
}
