import type { LoadSnapshotOptions, Snapshot, SnapshotStore } from '../../snapshots/snapshot-store.port';
import { openSqlite, type SqliteDatabase } from './sqlite-connection';
import { StoreUnavailableError } from '../../store/errors';

interface SnapshotRow {
  version: number;
  schema_version: number;
  state: string;
}

const SNAPSHOT_TABLE = `CREATE TABLE IF NOT EXISTS snapshots (
  stream_id TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (stream_id, schema_version, version)
) WITHOUT ROWID`;

function prepareStatements(db: SqliteDatabase) {
  return {
    save: db.prepare('INSERT OR REPLACE INTO snapshots (stream_id, schema_version, version, state) VALUES (?, ?, ?, ?)'),
    latest: db.prepare<[string, number, number], SnapshotRow>(
      `SELECT version, schema_version, state FROM snapshots
       WHERE stream_id = ? AND schema_version = ? AND version <= ? ORDER BY version DESC LIMIT 1`,
    ),
    deleteStream: db.prepare('DELETE FROM snapshots WHERE stream_id = ?'),
  };
}

/**
 * Snapshots in a table beside the events, in the same SQLite file: pass the event store's file
 * name or its open handle. `secure_delete` plus a WAL checkpoint on `deleteStream` make purged
 * snapshots (which may hold personal data, contract G9) leave no readable bytes in the files.
 */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly db: SqliteDatabase;
  private readonly ownsDb: boolean;
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(fileOrDb: string | SqliteDatabase) {
    this.ownsDb = typeof fileOrDb === 'string';
    this.db = typeof fileOrDb === 'string' ? guarded(() => openSqlite(fileOrDb)) : fileOrDb;
    try {
      this.db.pragma('secure_delete = ON');
      this.db.exec(SNAPSHOT_TABLE);
      this.statements = prepareStatements(this.db);
    } catch (error) {
      if (this.ownsDb) this.db.close();
      throw toStoreError(error);
    }
  }

  async save({ streamId, version, schemaVersion, state }: Snapshot): Promise<void> {
    const json = JSON.stringify(state);
    guarded(() => this.statements.save.run(streamId, schemaVersion, version, json));
  }

  async loadLatest(streamId: string, { atOrBelowVersion, schemaVersion }: LoadSnapshotOptions): Promise<Snapshot | undefined> {
    const bound = atOrBelowVersion ?? Number.MAX_SAFE_INTEGER;
    const row = guarded(() => this.statements.latest.get(streamId, schemaVersion, bound));
    return row && { streamId, version: row.version, schemaVersion: row.schema_version, state: JSON.parse(row.state) };
  }

  async deleteStream(streamId: string): Promise<void> {
    guarded(() => {
      this.statements.deleteStream.run(streamId);
      // The WAL still holds the old pages until it is checkpointed and truncated.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    });
  }

  async close(): Promise<void> {
    if (this.ownsDb && this.db.open) this.db.close();
  }
}

/** Driver errors never leave an adapter: SQLite's own become StoreUnavailableError. */
function guarded<R>(work: () => R): R {
  try {
    return work();
  } catch (error) {
    throw toStoreError(error);
  }
}

/**
 * Recognised by its code, not by `instanceof SqliteError`: the native addon keeps the error class
 * of the first module registry that loaded it, which is not ours under Jest's per-file registries.
 */
function toStoreError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  return new StoreUnavailableError(`SQLite failed (${code}): ${(error as Error).message}`, error);
}
