import type { SqliteDatabase } from './sqlite-connection';

interface Pending<R> {
  work: () => R;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitStats {
  /** Transactions committed (or attempted). */
  commits: number;
  /** Units of work run inside them. */
  appends: number;
}

/**
 * better-sqlite3 is synchronous, so every commit would cost one fsync. Work submitted in the same
 * tick is run in ONE `BEGIN IMMEDIATE` transaction, each unit in its own savepoint: a unit that
 * throws is rolled back alone and its neighbours still commit. Nothing is settled before the
 * commit, so an acknowledged unit is durable (G11).
 */
export class GroupCommit {
  private queue: Pending<unknown>[] = [];
  private scheduled = false;
  private readonly unit: (work: () => unknown) => unknown;
  readonly stats: GroupCommitStats = { commits: 0, appends: 0 };

  constructor(
    private readonly db: SqliteDatabase,
    private readonly onCommitFailure: (error: unknown) => unknown,
    private readonly maxGroupSize = 1000,
  ) {
    // A transaction function called inside another one runs in a SAVEPOINT.
    this.unit = db.transaction((work: () => unknown) => work());
  }

  submit<R>(work: () => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (result: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Runs everything queued now; `close()` calls it so no submitted work is dropped. */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, this.maxGroupSize);
      this.commit(group);
    }
  }

  private commit(group: Pending<unknown>[]): void {
    let outcomes: Outcome<unknown>[];
    this.stats.commits += 1;
    this.stats.appends += group.length;
    try {
      outcomes = this.db.transaction(() => group.map((pending) => this.run(pending))).immediate();
    } catch (error) {
      const failure = this.onCommitFailure(error);
      for (const pending of group) pending.reject(failure);
      return;
    }
    outcomes.forEach((outcome, index) => {
      if (outcome.ok) group[index].resolve(outcome.value);
      else group[index].reject(outcome.error);
    });
  }

  private run(pending: Pending<unknown>): Outcome<unknown> {
    try {
      return { ok: true, value: this.unit(pending.work) };
    } catch (error) {
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the units
      // after this one would then run in autocommit mode, so the group is abandoned instead.
      if (!this.db.inTransaction) throw error;
      return { ok: false, error };
    }
  }
}
