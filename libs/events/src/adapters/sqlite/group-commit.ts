import type Database from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite-connection';

interface Pending<R> {
  work: () => R;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Told when each transaction attempt begins (inside it) and when a group has committed. */
export interface TransactionObserver {
  begin(): void;
  committed(): void;
}

export interface GroupCommitStats {
  /** Transactions committed (or attempted). */
  commits: number;
  /** Units of work run inside them. */
  appends: number;
  /** Groups rolled back and run again with a savepoint per unit, because a unit failed mid-write. */
  fallbacks: number;
}

/**
 * Thrown by a unit that fails before writing anything (a lost race, a reused commandId): the
 * group's transaction holds nothing of it, so its neighbours need not be run again.
 */
export class RejectedBeforeWrite extends Error {
  constructor(readonly reason: unknown) {
    super('rejected before writing');
  }
}

/** Ends the fast attempt of a group: a unit failed after it may have written something. */
class UnitFailedMidWrite extends Error {}

export interface GroupCommitOptions {
  /** Turns a failed commit into the error every unit of the group is rejected with. */
  onCommitFailure: (error: unknown) => unknown;
  /** Most units committed in one transaction. */
  maxGroupSize?: number;
  observer?: TransactionObserver;
  /**
   * How long a group may wait for more units while writers are concurrent (see `submit`). Each commit
   * blocks the event loop for its fsync, so under load fewer, larger commits leave more time for the
   * requests that feed them; a lone writer never waits.
   */
  windowMs?: number;
}

/** The default commit window: well below any latency a user notices, long enough to gather a burst of requests. */
export const GROUP_COMMIT_WINDOW_MS = 2;

/**
 * better-sqlite3 is synchronous, so every commit would cost one fsync. Work submitted together is
 * run in ONE `BEGIN IMMEDIATE` transaction. A savepoint per unit would let a failing unit
 * roll back alone, but costs two statements per unit, so units first run without one; only when a
 * unit fails mid-write is the whole group rolled back and run again with a savepoint per unit, where
 * that unit fails alone and its neighbours still commit. Nothing is settled before the commit, so an
 * acknowledged unit is durable (G11).
 */
export class GroupCommit {
  private queue: Pending<unknown>[] = [];
  private scheduled = false;
  private window: NodeJS.Timeout | undefined;
  /** Units of the last group: how many writers were at it together, so how many the next group may wait for. */
  private lastGroupSize = 1;
  private readonly maxGroupSize: number;
  private readonly windowMs: number;
  private readonly onCommitFailure: (error: unknown) => unknown;
  private readonly observer?: TransactionObserver;
  private readonly unit: (work: () => unknown) => unknown;
  // better-sqlite3 builds each transaction function with its own property descriptors: made once, not per commit.
  private readonly fastGroup: Database.Transaction<(group: Pending<unknown>[]) => Outcome<unknown>[]>;
  private readonly carefulGroup: Database.Transaction<(group: Pending<unknown>[]) => Outcome<unknown>[]>;
  readonly stats: GroupCommitStats = { commits: 0, appends: 0, fallbacks: 0 };

  constructor(
    private readonly db: SqliteDatabase,
    options: GroupCommitOptions,
  ) {
    this.onCommitFailure = options.onCommitFailure;
    this.maxGroupSize = options.maxGroupSize ?? 1000;
    this.windowMs = options.windowMs ?? GROUP_COMMIT_WINDOW_MS;
    this.observer = options.observer;
    // A transaction function called inside another one runs in a SAVEPOINT.
    this.unit = db.transaction((work: () => unknown) => work());
    this.fastGroup = db.transaction((group: Pending<unknown>[]) => {
      this.observer?.begin();
      return group.map((pending) => this.fastUnit(pending));
    });
    this.carefulGroup = db.transaction((group: Pending<unknown>[]) => {
      this.observer?.begin();
      return group.map((pending) => this.carefulUnit(pending));
    });
  }

  /**
   * Queues the work for the next group. Units submitted in the same tick always share a group. When the
   * last group had company (concurrent writers), the next one also waits up to `windowMs` for as many units
   * as the last one held, and commits as soon as they are there; after a group of one (a lone writer,
   * e.g. one awaiting each append) it commits in the next turn of the event loop without waiting.
   */
  submit<R>(work: () => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (result: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Runs everything queued now; `close()` calls it so no submitted work is dropped. */
  flush(): void {
    this.scheduled = false;
    clearTimeout(this.window);
    this.window = undefined;
    if (this.queue.length > 0) this.lastGroupSize = this.queue.length;
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, this.maxGroupSize);
      this.commit(group);
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    if (this.lastGroupSize <= 1 || this.windowMs <= 0 || this.queue.length >= this.lastGroupSize) {
      this.scheduled = true;
      clearTimeout(this.window);
      this.window = undefined;
      setImmediate(() => this.flush());
    } else {
      this.window ??= setTimeout(() => this.flush(), this.windowMs);
    }
  }

  private commit(group: Pending<unknown>[]): void {
    let outcomes: Outcome<unknown>[];
    this.stats.commits += 1;
    this.stats.appends += group.length;
    try {
      outcomes = this.runFast(group) ?? this.runCareful(group);
      this.observer?.committed();
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

  /** The group without savepoints; undefined when it had to be rolled back. */
  private runFast(group: Pending<unknown>[]): Outcome<unknown>[] | undefined {
    try {
      return this.fastGroup.immediate(group);
    } catch (error) {
      if (!(error instanceof UnitFailedMidWrite)) throw error;
      this.stats.fallbacks += 1;
      return undefined;
    }
  }

  private fastUnit(pending: Pending<unknown>): Outcome<unknown> {
    let outcome: Outcome<unknown>;
    try {
      outcome = { ok: true, value: pending.work() };
    } catch (error) {
      if (!(error instanceof RejectedBeforeWrite)) throw new UnitFailedMidWrite();
      outcome = { ok: false, error: error.reason };
    }
    // SQLite ended the transaction under the unit (disk full, I/O error, a stray ROLLBACK): the
    // careful run meets the same failure and reports it without running the rest in autocommit.
    if (!this.db.inTransaction) throw new UnitFailedMidWrite();
    return outcome;
  }

  private runCareful(group: Pending<unknown>[]): Outcome<unknown>[] {
    return this.carefulGroup.immediate(group);
  }

  private carefulUnit(pending: Pending<unknown>): Outcome<unknown> {
    try {
      return { ok: true, value: this.unit(pending.work) };
    } catch (error) {
      if (error instanceof RejectedBeforeWrite) return { ok: false, error: error.reason };
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the units
      // after this one would then run in autocommit mode, so the group is abandoned instead.
      if (!this.db.inTransaction) throw error;
      return { ok: false, error };
    }
  }
}
