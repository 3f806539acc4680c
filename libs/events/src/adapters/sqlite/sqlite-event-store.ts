import type { NewEvent, StoredEvent } from '../../envelope';
import {
  decideAppend,
  satisfies,
  type AppendDecision,
  type RecordedCommand,
} from '../../store/append-decision';
import { OpenGuard } from '../../store/closable';
import { StoreUnavailableError } from '../../store/errors';
import { appendFingerprint } from '../../store/fingerprint';
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
import { appendResult, newEventId, stampMetadata, toStoredEvent } from '../../store/stored-events';
import { UpcasterChain } from '../../upcasting/upcaster-chain';
import { GroupCommit, RejectedBeforeWrite, type GroupCommitStats } from './group-commit';
import { openSqlite, type SqliteDatabase } from './sqlite-connection';
import { ensureEventTables, prepareEventStatements, type EventRow, type EventStatements } from './sqlite-event-schema';
import { toStoreError, unavailable } from './sqlite-errors';
import { StreamHeads } from './stream-heads';

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
}

/**
 * The embedded, durable default. Appends from the same tick share one transaction and one fsync
 * (see GroupCommit); positions are rowids assigned inside `BEGIN IMMEDIATE`, so writers from
 * every process are serialised and a reader never sees a position committed out of order (G4).
 */
export class SqliteEventStore implements EventStore {
  private readonly db: SqliteDatabase;
  private readonly ownsDb: boolean;
  private readonly statements: EventStatements;
  private readonly group: GroupCommit;
  private readonly heads: StreamHeads;
  private readonly upcasters: UpcasterChain;
  private readonly clock: () => Date;
  private readonly hooks: AppendHooks;
  private readonly pageSize: number;
  private readonly guard = new OpenGuard('SqliteEventStore');

  constructor(options: SqliteEventStoreOptions) {
    if ((options.db === undefined) === (options.filename === undefined)) {
      throw new TypeError('SqliteEventStore needs exactly one of `filename` or `db`');
    }
    this.ownsDb = options.db === undefined;
    try {
      this.db = options.db ?? openSqlite(options.filename as string);
    } catch (error) {
      throw unavailable(error);
    }
    try {
      ensureEventTables(this.db);
      this.statements = prepareEventStatements(this.db);
      this.heads = new StreamHeads(this.db);
    } catch (error) {
      if (this.ownsDb) this.db.close();
      throw unavailable(error);
    }
    this.group = new GroupCommit(this.db, { onCommitFailure: unavailable, maxGroupSize: options.maxGroupSize, observer: this.heads, windowMs: options.groupCommitWindowMs });
    this.upcasters = options.upcasters ?? new UpcasterChain();
    this.clock = options.clock ?? (() => new Date());
    this.hooks = options.hooks ?? {};
    this.pageSize = options.pageSize ?? 500;
  }

  /** How well group commit is working: appends per transaction = appends / commits. */
  get commitStats(): Readonly<GroupCommitStats> {
    return { ...this.group.stats };
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.guard.assertOpen();
    const append = prepareAppend(streamId, events, options, this.upcasters);
    return this.group.submit(() => {
      try {
        return this.write(append);
      } catch (error) {
        throw toStoreError(error);
      }
    });
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
    this.group.flush();
    if (this.ownsDb) this.db.close();
  }

  /** One append inside the group's transaction; see GroupCommit for when it has a savepoint. */
  private write(append: PreparedAppend): AppendResult {
    const decision = this.decide(append);
    if (decision.kind === 'duplicate') return this.replay(decision.command);
    const events = this.insertEvents(append, decision.fromVersion);
    this.hooks.beforeCommit?.(events);
    this.heads.appendedTo(append.streamId, events[events.length - 1].version);
    return appendResult(append.streamId, events, false, this.upcasters);
  }

  /**
   * The shared rule (decideAppend), with the usual case in two statements: when the expected
   * version holds, recording the commandId is also the check that it is new. Only a lost race or
   * a reused commandId reads the recorded command. Nothing is written unless the append goes ahead.
   */
  private decide(append: PreparedAppend): AppendDecision {
    try {
      const current = this.headInTransaction(append.streamId);
      if (satisfies(append.expectedVersion, current) && this.recordCommand(append, current + 1)) {
        return { kind: 'write', fromVersion: current + 1 };
      }
      const decision = decideAppend(append, this.recorded(append.commandId), current);
      // Unreachable inside the write transaction: the commandId was found taken a moment ago.
      if (decision.kind === 'write') throw new StoreUnavailableError(`Command ${append.commandId} vanished mid-append`);
      return decision;
    } catch (error) {
      throw new RejectedBeforeWrite(toStoreError(error));
    }
  }

  /** False, writing nothing, when the commandId is already recorded. */
  private recordCommand(append: PreparedAppend, fromVersion: number): boolean {
    const toVersion = fromVersion + append.events.length - 1;
    return this.statements.recordCommand.run(append.commandId, append.streamId, fromVersion, toVersion).changes === 1;
  }

  private insertEvents(append: PreparedAppend, fromVersion: number): StoredEvent[] {
    const { streamId, events } = append;
    const metadata = stampMetadata(append, this.clock());
    const metadataJson = JSON.stringify(metadata);
    const stored: StoredEvent[] = new Array(events.length);
    for (let index = 0; index < events.length; index++) {
      const { type, schemaVersion, json } = events[index];
      const version = fromVersion + index;
      const eventId = newEventId();
      const row = this.statements.insertEvent.run(eventId, streamId, version, type, schemaVersion, json, metadataJson);
      stored[index] = toStoredEvent(append, index, { version, position: Number(row.lastInsertRowid), eventId, metadata });
    }
    return stored;
  }

  /** The fingerprint is the one its events hash to, exactly what their append hashed to (G3). */
  private recorded(commandId: string): RecordedCommand | undefined {
    const row = this.statements.command.get(commandId);
    if (!row) return undefined;
    const { stream_id: streamId, from_version: fromVersion, to_version: toVersion } = row;
    const events = this.statements.streamPage.all(streamId, fromVersion, toVersion, toVersion - fromVersion + 1);
    const parts = events.map((event) => ({ type: event.type, schemaVersion: event.schema_version, json: event.data }));
    return { commandId, fingerprint: appendFingerprint(streamId, parts), streamId, fromVersion, toVersion };
  }

  private replay(command: RecordedCommand): AppendResult {
    const { streamId, fromVersion, toVersion } = command;
    const rows = this.statements.streamPage.all(streamId, fromVersion, toVersion, toVersion - fromVersion + 1);
    return appendResult(streamId, toEvents(rows), true, this.upcasters);
  }

  private headInTransaction(streamId: string): number {
    const known = this.heads.get(streamId);
    if (known !== undefined) return known;
    const version = this.currentVersion(streamId);
    this.heads.set(streamId, version);
    return version;
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
