import type { SqliteDatabase } from '@bandpro/events';

/**
 * One table. Each filter has an index that ends in (at_ms, id), so every query is a range scan in page
 * order. A trigger refuses updates: even a stray statement cannot rewrite history (the purge deletes).
 */
export function createAuditSchema(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS audit_records (
      id TEXT PRIMARY KEY,
      at_ms INTEGER NOT NULL,
      actor_id TEXT,
      action TEXT NOT NULL,
      score_id TEXT,
      record TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS audit_by_time ON audit_records (at_ms, id);
    CREATE INDEX IF NOT EXISTS audit_by_actor ON audit_records (actor_id, at_ms, id);
    CREATE INDEX IF NOT EXISTS audit_by_score ON audit_records (score_id, at_ms, id);
    CREATE INDEX IF NOT EXISTS audit_by_action ON audit_records (action, at_ms, id);
    CREATE TRIGGER IF NOT EXISTS audit_records_append_only BEFORE UPDATE ON audit_records
    BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
  `);
}
