import { openSqlite, type SqliteDatabase } from '@bandpro/events';
import type { AuditLog } from '../../audit-log.port';
import type { AuditFilter, AuditPage, AuditQuery, AuditRecord } from '../../audit-record';
import { AuditLogUnavailableError } from '../../errors';
import { streamPages, toPage } from '../../shared/paging';
import { atMsOf, normalizeQuery, type NormalizedQuery } from '../../shared/query-rules';
import { createAuditSchema } from './sqlite-audit-schema';

/** The file the API keeps its audit log in, beside (not inside) the event log, so purges never hold its lock. */
export const AUDIT_SQLITE_FILE_NAME = 'audit.sqlite';

/** The audit log in a SQLite file (better-sqlite3, WAL, synchronous=FULL). Exposes no update and no delete but the purge. */
export class SqliteAuditLog implements AuditLog {
  private readonly db: SqliteDatabase;
  private readonly insert;

  constructor(options: { filename: string }) {
    this.db = guarded(() => openSqlite(options.filename));
    createAuditSchema(this.db);
    this.insert = this.db.prepare(
      'INSERT OR IGNORE INTO audit_records (id, at_ms, actor_id, action, score_id, record) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  async record(records: readonly AuditRecord[]): Promise<void> {
    const rows = records.map((record) => [record.id, atMsOf(record), record.actor?.id ?? null, record.action, record.scoreId ?? null, JSON.stringify(record)]);
    guarded(() => this.db.transaction(() => rows.forEach((row) => this.insert.run(...row)))());
  }

  async query(query: AuditQuery): Promise<AuditPage> {
    const normalized = normalizeQuery(query);
    const { where, params } = toWhere(normalized);
    const sql = `SELECT record FROM audit_records ${where} ORDER BY at_ms, id LIMIT ?`;
    const rows = guarded(() => this.db.prepare(sql).all(...params, normalized.limit + 1) as { record: string }[]);
    return toPage(rows.map((row) => JSON.parse(row.record) as AuditRecord), normalized.limit);
  }

  stream(filter: AuditFilter): AsyncIterable<AuditRecord> {
    return streamPages((query) => this.query(query), filter);
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    return guarded(() => this.db.prepare('DELETE FROM audit_records WHERE at_ms < ?').run(cutoff.getTime()).changes);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function toWhere(query: NormalizedQuery): { where: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (query.actorId !== undefined) add('actor_id = ?', query.actorId);
  if (query.scoreId !== undefined) add('score_id = ?', query.scoreId);
  if (query.action !== undefined) add('action = ?', query.action);
  if (query.fromMs !== undefined) add('at_ms >= ?', query.fromMs);
  if (query.toMs !== undefined) add('at_ms < ?', query.toMs);
  if (query.after !== undefined) add('(at_ms > ? OR (at_ms = ? AND id > ?))', query.after.atMs, query.after.atMs, query.after.id);
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

/** SQLite errors (busy, disk full, closed) become one typed error; the cause is kept for the log. */
function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new AuditLogUnavailableError(`The audit log could not be used: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}
