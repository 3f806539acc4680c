import type { AuditFilter, AuditPage, AuditQuery, AuditRecord } from './audit-record';

/**
 * The audit log: append-only. Nothing here updates or deletes a record; the one way out is the retention
 * purge. Records come back ordered by time, then id, a page at a time (keyset pagination).
 */
export interface AuditLog {
  /** Appends all records or none; records already stored (same id, a retried batch) are kept as they were. */
  record(records: readonly AuditRecord[]): Promise<void>;
  query(query: AuditQuery): Promise<AuditPage>;
  /** Every record the filter matches, in order, read page by page (for exports). */
  stream(filter: AuditFilter): AsyncIterable<AuditRecord>;
  /** Removes records older than `cutoff`; returns how many. */
  purgeOlderThan(cutoff: Date): Promise<number>;
  close(): Promise<void>;
}
