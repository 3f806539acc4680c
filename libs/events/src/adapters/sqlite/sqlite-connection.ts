import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

/**
 * Opens a SQLite file the way every BandPro table expects it (contract G4, G11): WAL, and
 * `synchronous=FULL`, because better-sqlite3's WAL default (NORMAL) may lose the last commits
 * on power loss. A busy timeout lets several processes share one file.
 */
export function openSqlite(filename: string, options: { busyTimeoutMs?: number } = {}): SqliteDatabase {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const db = new Database(filename);
  try {
    // The timeout first: switching to WAL takes a lock another process may be holding.
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
