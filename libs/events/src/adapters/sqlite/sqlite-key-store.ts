import { randomBytes } from 'node:crypto';
import { SubjectErasedError } from '../../erasure/errors';
import { DATA_KEY_BYTES, type KeyStore } from '../../erasure/key-store.port';
import { assertSubjectId } from '../../erasure/sealed-value';
import { openSqlite, type SqliteDatabase } from './sqlite-connection';
import { StoreUnavailableError } from '../../store/errors';

const KEY_TABLES = `
CREATE TABLE IF NOT EXISTS subject_keys (subject_id TEXT PRIMARY KEY, key BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS erased_subjects (subject_id TEXT PRIMARY KEY, erased_at TEXT NOT NULL) WITHOUT ROWID;
`;

function prepareStatements(db: SqliteDatabase) {
  return {
    find: db.prepare<[string], { key: Buffer }>('SELECT key FROM subject_keys WHERE subject_id = ?'),
    isErased: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM erased_subjects WHERE subject_id = ?'),
    insert: db.prepare('INSERT OR IGNORE INTO subject_keys (subject_id, key) VALUES (?, ?)'),
    delete: db.prepare('DELETE FROM subject_keys WHERE subject_id = ?'),
    markErased: db.prepare('INSERT OR IGNORE INTO erased_subjects (subject_id, erased_at) VALUES (?, ?)'),
  };
}

/**
 * Keys in their own SQLite file, never the event log's (contract G9: keys are kept outside the
 * log, and the log is copied to backups and read models that must not carry the keys along).
 * `secure_delete` overwrites a deleted key's bytes in the file, and the WAL is truncated after a
 * delete so no old copy of the page survives there either.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: SqliteDatabase;
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(filename: string) {
    this.db = guarded(() => openSqlite(filename));
    try {
      this.db.pragma('secure_delete = ON');
      this.db.exec(KEY_TABLES);
      this.statements = prepareStatements(this.db);
    } catch (error) {
      this.db.close();
      throw toStoreError(error);
    }
  }

  async getOrCreateKey(subjectId: string): Promise<Buffer> {
    assertSubjectId(subjectId);
    // IMMEDIATE: two processes creating the same subject's key must end up with one key.
    const create = this.db.transaction(() => {
      if (this.statements.isErased.get(subjectId)) throw new SubjectErasedError(subjectId);
      this.statements.insert.run(subjectId, randomBytes(DATA_KEY_BYTES));
      return (this.statements.find.get(subjectId) as { key: Buffer }).key;
    });
    return guarded(() => create.immediate());
  }

  async findKey(subjectId: string): Promise<Buffer | undefined> {
    return guarded(() => this.statements.find.get(subjectId))?.key;
  }

  async deleteKey(subjectId: string): Promise<void> {
    assertSubjectId(subjectId);
    const erase = this.db.transaction(() => {
      this.statements.delete.run(subjectId);
      this.statements.markErased.run(subjectId, new Date().toISOString());
    });
    guarded(() => {
      erase.immediate();
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
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
