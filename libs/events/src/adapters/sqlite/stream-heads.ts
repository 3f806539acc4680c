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
  }

  /** After that transaction committed. Its own commit leaves `data_version` alone; another process may not have. */
  committed(): void {
    this.committedAt = { version: (this.begunAt as FileState).version, changes: this.changes.get() as number };
  }

  get(streamId: string): number | undefined {
    return this.versions.get(streamId);
  }

  set(streamId: string, version: number): void {
    if (this.versions.size >= this.limit && !this.versions.has(streamId)) this.versions.clear();
    this.versions.set(streamId, version);
  }
}
