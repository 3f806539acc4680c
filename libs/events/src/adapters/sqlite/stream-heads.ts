import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite-connection';

interface FileState {
  /** Bumped when another connection, in any process, commits to the file. */
  version: number;
  /** Rows changed through this connection: its own appends, rolled back or not, and any other table's writes. */
  changes: number;
}

/**
 * The versions of the streams this store appended to, so that most appends need not look their
 * stream's head up in the index. They are trusted only while nobody else wrote: each write
 * transaction begins by checking that the file is as this store's last commit left it, and
 * forgets them all otherwise (another process, another user of a shared handle, a group rolled back).
 */
export class StreamHeads {
  private readonly versions = new Map<string, number>();
  /** Versions reads asked for, good while the file stays as `readAt` found it. */
  private readonly read = new Map<string, number>();
  private readAt: FileState | undefined;
  private checkedThisTurn = false;
  /** Whether the read versions were good when the current write transaction began (nobody wrote in between). */
  private readGoodAtBegin = false;
  /** Transaction attempts since the last commit: more than one means a group was rolled back and run again. */
  private attempts = 0;
  /** The streams the current transaction appended to, and their new versions. */
  private readonly appended = new Map<string, number>();
  private readonly endTurn = () => {
    this.checkedThisTurn = false;
  };
  private readonly state: Statement<[], FileState>;
  private readonly changes: Statement<[], number>;
  private begunAt: FileState | undefined;
  private committedAt: FileState | undefined;

  constructor(
    db: SqliteDatabase,
    private readonly limit = 10_000,
  ) {
    this.state = db.prepare<[], FileState>(
      'SELECT (SELECT data_version FROM pragma_data_version) AS version, total_changes() AS changes',
    );
    this.changes = db.prepare<[], number>('SELECT total_changes()').pluck();
  }

  /** At the start of every write transaction, once it holds the write lock. */
  begin(): void {
    const now = this.state.get() as FileState;
    const last = this.committedAt;
    if (!last || last.version !== now.version || last.changes !== now.changes) this.versions.clear();
    this.begunAt = now;
    this.readGoodAtBegin = this.readAt !== undefined && this.readAt.version === now.version && this.readAt.changes === now.changes;
    this.attempts += 1;
    this.appended.clear();
  }

  /** After that transaction committed. Its own commit leaves `data_version` alone; another process may not have. */
  committed(): void {
    this.committedAt = { version: (this.begunAt as FileState).version, changes: this.changes.get() as number };
    // Nobody else wrote between the reads and this commit, and no unit of it was rolled back: the read versions
    // stay good, with this transaction's appends applied. Otherwise they are all forgotten.
    if (this.readGoodAtBegin && this.attempts === 1) {
      for (const [streamId, version] of this.appended) this.read.set(streamId, version);
      this.readAt = this.committedAt;
    } else {
      this.read.clear();
      this.checkedThisTurn = false;
    }
    this.attempts = 0;
    this.appended.clear();
  }

  /** Inside a write transaction, after the stream's events were inserted. */
  appendedTo(streamId: string, version: number): void {
    this.set(streamId, version);
    this.appended.set(streamId, version);
  }

  /**
   * A stream's version for a read (`streamVersion`), `lookUp` only when not known. Every request asks for the
   * versions of a few streams (session, access list, life cycle, score) several times: the file is checked once per
   * turn of the event loop instead, and answers are trusted while nobody wrote. A commit by another process during
   * the turn is seen from the next turn on, as if it had come just after; this store's own commits at once.
   */
  readVersion(streamId: string, lookUp: () => number): number {
    if (!this.checkedThisTurn) {
      this.checkedThisTurn = true;
      setImmediate(this.endTurn);
      const now = this.state.get() as FileState;
      const last = this.readAt;
      if (!last || last.version !== now.version || last.changes !== now.changes) this.read.clear();
      this.readAt = now;
    }
    let version = this.read.get(streamId);
    if (version === undefined) {
      version = lookUp();
      if (this.read.size >= this.limit) this.read.clear();
      this.read.set(streamId, version);
    }
    return version;
  }

  /** A write elsewhere (the writer thread) took the stream to `version`: a read version remembered for it moves along. */
  noteWritten(streamId: string, version: number): void {
    if ((this.read.get(streamId) ?? Infinity) < version) this.read.set(streamId, version);
  }

  get(streamId: string): number | undefined {
    return this.versions.get(streamId);
  }

  set(streamId: string, version: number): void {
    if (this.versions.size >= this.limit && !this.versions.has(streamId)) this.versions.clear();
    this.versions.set(streamId, version);
  }
}
