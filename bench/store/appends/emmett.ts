import {
  appendToStream,
  createEventStoreSchema,
  getSQLiteEventStore,
  sqliteConnection,
  type SQLiteConnection,
} from '@event-driven-io/emmett-sqlite';
import { join } from 'node:path';
import { requireSetting, WorkloadCheckError, type Appender } from './appender';
import { SAMPLE_EVENT_TYPE, sampleEventData } from './payload';

/*
 * Emmett 0.38.5 (read in node_modules/@event-driven-io/emmett-sqlite/dist/index.cjs):
 * - `getSQLiteEventStore({ fileName })` opens a new sqlite3 connection for every call and closes
 *   it afterwards, running only `PRAGMA journal_mode = WAL`; concurrent calls share and then close
 *   one connection under each other (SQLITE_MISUSE). Its hooks run inside the transaction, where
 *   SQLite refuses to change synchronous, so there it can only be checked: the bundled sqlite3 is
 *   built with DEFAULT_WAL_SYNCHRONOUS=2 (FULL), and the hook confirms it on its own connection.
 * - Its exported `appendToStream(connection, ...)` over one long-lived `sqliteConnection` is the
 *   same append code without the per-call open; there we set synchronous=FULL ourselves. It is the
 *   faster way and the only one that survives concurrent writers (its transaction-nesting counter
 *   folds appends that overlap into one shared transaction, a group commit of sorts), so the
 *   ratios are taken against it.
 */

const countSql = 'SELECT count(*) AS n FROM emt_messages';

async function checkDurability(subject: string, connection: SQLiteConnection): Promise<void> {
  const sync = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
  const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
  requireSetting(subject, 'synchronous', sync?.synchronous, 2);
  requireSetting(subject, 'journal_mode', journal?.journal_mode, 'wal');
}

/** Emmett's append over one connection we hold, WAL + synchronous=FULL set and checked on it. */
export async function openEmmettConnection(dir: string): Promise<Appender> {
  const connection = sqliteConnection({ fileName: join(dir, 'emmett.sqlite') });
  await connection.command('PRAGMA journal_mode = WAL');
  await connection.command('PRAGMA synchronous = FULL');
  await checkDurability('emmett (connection)', connection);
  await createEventStoreSchema(connection);
  return {
    appendOne: async (streamId, version, sequence) => {
      const event = { type: SAMPLE_EVENT_TYPE, data: sampleEventData(sequence) };
      const result = await appendToStream(connection, streamId, 'score', [event], {
        expectedStreamVersion: BigInt(version),
      });
      if (!result.success) throw new WorkloadCheckError(`emmett rejected an append to ${streamId}@${version}`);
    },
    countEvents: async () => (await connection.querySingle<{ n: number }>(countSql))?.n ?? 0,
    close: async () => connection.close(),
  };
}

/** Checking costs two queries, so only every this-many-th append of the public API is checked. */
const CHECK_EVERY = 50;

/**
 * Even one writer sees the public store fail now and then ("SQLITE_BUSY: cannot commit
 * transaction - SQL statements in progress": node-sqlite3 finalises statements asynchronously and
 * COMMIT can overtake them). The transaction is rolled back, so the same append is tried again and
 * the failed attempts are counted and reported rather than hidden.
 */
const ATTEMPTS = 3;

export interface EmmettStoreAppender extends Appender {
  /** Attempts that failed, as a share (%) of all attempts so far. */
  failedAttemptsPct(): number;
}

/** Emmett's public event store, as its documentation uses it, on a file. */
export async function openEmmettStore(dir: string): Promise<EmmettStoreAppender> {
  const fileName = join(dir, 'emmett-store.sqlite');
  let appends = 0;
  const attempts = { all: 0, failed: 0 };
  const store = getSQLiteEventStore({
    fileName,
    hooks: {
      onBeforeCommit: async (_messages, { connection }) => {
        if (appends++ % CHECK_EVERY === 0) await checkDurability('emmett (getSQLiteEventStore)', connection);
      },
    },
  });
  const appendOnce = (streamId: string, version: number, sequence: number) =>
    store.appendToStream(streamId, [{ type: SAMPLE_EVENT_TYPE, data: sampleEventData(sequence) }], {
      expectedStreamVersion: BigInt(version),
    });
  return {
    appendOne: async (streamId, version, sequence) => {
      for (let attempt = 1; ; attempt += 1) {
        attempts.all += 1;
        try {
          await appendOnce(streamId, version, sequence);
          return;
        } catch (error) {
          attempts.failed += 1;
          if (attempt === ATTEMPTS || !isCommitRace(error)) throw error;
        }
      }
    },
    failedAttemptsPct: () => (attempts.all === 0 ? 0 : (attempts.failed * 100) / attempts.all),
    countEvents: async () => {
      const connection = sqliteConnection({ fileName });
      try {
        return (await connection.querySingle<{ n: number }>(countSql))?.n ?? 0;
      } finally {
        connection.close();
      }
    },
    close: async () => undefined,
  };
}

function isCommitRace(error: unknown): boolean {
  return error instanceof Error && error.message.includes('cannot commit transaction - SQL statements in progress');
}

/** Share (%) of `writers` simultaneous single appends (one attempt each) that emmett's public store fails. */
export async function emmettStoreConcurrentFailures(dir: string, writers: number): Promise<number> {
  const store = getSQLiteEventStore({ fileName: join(dir, 'emmett-store.sqlite') });
  const appendOnce = (streamId: string, sequence: number) =>
    store.appendToStream(streamId, [{ type: SAMPLE_EVENT_TYPE, data: sampleEventData(sequence) }], {
      expectedStreamVersion: 0n,
    });
  await appendOnce('score-warm-up', 0);
  const outcomes = await Promise.allSettled(
    Array.from({ length: writers }, (_, index) => appendOnce(`score-writer-${index}`, index)),
  );
  const failed = outcomes.filter((outcome) => outcome.status === 'rejected').length;
  return (failed * 100) / writers;
}
