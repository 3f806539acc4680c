import type { EventMetadata } from '../../envelope';
import { decideAppend, satisfies, type AppendDecision, type RecordedCommand } from '../../store/append-decision';
import { StoreUnavailableError } from '../../store/errors';
import { appendFingerprint } from '../../store/fingerprint';
import type { PreparedAppend } from '../../store/prepare-append';
import { newEventId, stampMetadata } from '../../store/stored-events';
import { GroupCommit, RejectedBeforeWrite, type GroupCommitStats } from './group-commit';
import type { SqliteDatabase } from './sqlite-connection';
import { prepareEventStatements, type EventRow, type EventStatements } from './sqlite-event-schema';
import { toStoreError, unavailable } from './sqlite-errors';
import { StreamHeads } from './stream-heads';

/** What an append asks of the writer: a prepared append as plain data (it may cross to a worker thread). */
export type AppendRequest = Omit<PreparedAppend, 'fingerprint'>;

/** The rows an append wrote: its events are the request's, at these versions and positions. */
export interface WrittenAppend {
  kind: 'written';
  fromVersion: number;
  positions: number[];
  eventIds: string[];
  metadata: EventMetadata;
}

/** A retried commandId: the rows its first append wrote. */
export interface ReplayedAppend {
  kind: 'duplicate';
  rows: EventRow[];
}

export type WriteOutcome = WrittenAppend | ReplayedAppend;

export interface AppendWriterOptions {
  maxGroupSize?: number;
  groupCommitWindowMs?: number;
  clock?: () => Date;
  /** Runs inside the append's transaction once its rows are written (the store's `beforeCommit` hook). */
  beforeCommit?: (append: AppendRequest, written: WrittenAppend) => void;
}

/**
 * The request with the fingerprint its events hash to, worked out only if its commandId turns out to be taken. Built
 * field by field: spreading a PreparedAppend would call its own lazy getter, hashing every append.
 */
function withFingerprint(request: AppendRequest): PreparedAppend {
  const { streamId, expectedVersion, commandId, events, metadata } = request;
  let fingerprint: string | undefined;
  return {
    streamId,
    expectedVersion,
    commandId,
    events,
    metadata,
    get fingerprint() {
      fingerprint ??= appendFingerprint(streamId, events);
      return fingerprint;
    },
  };
}

/**
 * The write half of the SQLite event store: appends from the same tick share one transaction and one fsync
 * (GroupCommit); positions are rowids assigned inside `BEGIN IMMEDIATE`, so writers from every process are
 * serialised and a reader never sees a position committed out of order (G4). It runs where the store is, or on a
 * thread of its own (writer-thread.ts); either way it answers with plain data.
 */
export class SqliteAppendWriter {
  private readonly statements: EventStatements;
  private readonly group: GroupCommit;
  private readonly clock: () => Date;

  constructor(
    db: SqliteDatabase,
    private readonly heads: StreamHeads,
    private readonly options: AppendWriterOptions = {},
  ) {
    this.statements = prepareEventStatements(db);
    this.group = new GroupCommit(db, { onCommitFailure: unavailable, maxGroupSize: options.maxGroupSize, observer: heads, windowMs: options.groupCommitWindowMs });
    this.clock = options.clock ?? (() => new Date());
  }

  get stats(): Readonly<GroupCommitStats> {
    return { ...this.group.stats };
  }

  write(request: AppendRequest): Promise<WriteOutcome> {
    const append = withFingerprint(request);
    return this.group.submit(() => {
      try {
        return this.writeNow(append);
      } catch (error) {
        throw toStoreError(error);
      }
    });
  }

  /** Commits what is queued. */
  flush(): void {
    this.group.flush();
  }

  async close(): Promise<void> {
    this.flush();
  }

  /** One append inside the group's transaction; see GroupCommit for when it has a savepoint. */
  private writeNow(append: PreparedAppend): WriteOutcome {
    const decision = this.decide(append);
    if (decision.kind === 'duplicate') return this.replay(decision.command);
    const written = this.insertEvents(append, decision.fromVersion);
    this.options.beforeCommit?.(append, written);
    this.heads.appendedTo(append.streamId, decision.fromVersion + append.events.length - 1);
    return written;
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

  private insertEvents(append: PreparedAppend, fromVersion: number): WrittenAppend {
    const { streamId, events } = append;
    const metadata = stampMetadata(append, this.clock());
    const metadataJson = JSON.stringify(metadata);
    const positions: number[] = new Array(events.length);
    const eventIds: string[] = new Array(events.length);
    for (let index = 0; index < events.length; index++) {
      const { type, schemaVersion, json } = events[index];
      const eventId = newEventId();
      const row = this.statements.insertEvent.run(eventId, streamId, fromVersion + index, type, schemaVersion, json, metadataJson);
      positions[index] = Number(row.lastInsertRowid);
      eventIds[index] = eventId;
    }
    return { kind: 'written', fromVersion, positions, eventIds, metadata };
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

  private replay(command: RecordedCommand): ReplayedAppend {
    const { streamId, fromVersion, toVersion } = command;
    return { kind: 'duplicate', rows: this.statements.streamPage.all(streamId, fromVersion, toVersion, toVersion - fromVersion + 1) };
  }

  private headInTransaction(streamId: string): number {
    const known = this.heads.get(streamId);
    if (known !== undefined) return known;
    const version = this.statements.streamVersion.get(streamId)?.version ?? 0;
    this.heads.set(streamId, version);
    return version;
  }
}
