import { EventStoreError, StoreUnavailableError } from '../../store/errors';

interface SqliteErrorLike extends Error {
  code: string;
}

/**
 * Recognised by shape, not by `instanceof`: the native addon keeps the SqliteError class (and
 * so the Error realm) it saw first, which a fresh module registry (Jest, hot reload) does not share.
 */
export function isSqliteError(error: unknown): error is SqliteErrorLike {
  const code = (error as Partial<SqliteErrorLike> | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

/**
 * Driver errors never leave the adapter (contract G1): typed store errors pass through, SQLite's
 * own become StoreUnavailableError with the driver error as `cause`. Anything else (a hook's own
 * error) is the caller's and passes through unchanged.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof EventStoreError) return error;
  if (isSqliteError(error)) {
    return new StoreUnavailableError(`SQLite event store failed (${error.code}): ${error.message}`, error);
  }
  return error;
}

/** Reads and whole-transaction failures have no caller code in them: any error is the store's. */
export function unavailable(error: unknown): EventStoreError {
  const mapped = toStoreError(error);
  if (mapped instanceof EventStoreError) return mapped;
  return new StoreUnavailableError(`SQLite event store failed: ${(error as Error)?.message ?? String(error)}`, error);
}
