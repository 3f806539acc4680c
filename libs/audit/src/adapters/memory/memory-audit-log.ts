import type { AuditLog } from '../../audit-log.port';
import type { AuditFilter, AuditPage, AuditQuery, AuditRecord } from '../../audit-record';
import { streamPages, toPage } from '../../shared/paging';
import { atMsOf, comparePositions, matches, normalizeQuery } from '../../shared/query-rules';

interface Entry {
  atMs: number;
  record: AuditRecord;
}

/** The audit log in one process (tests, tools). Records are copied in and out, so callers cannot alter them. */
export class MemoryAuditLog implements AuditLog {
  private entries: Entry[] = [];
  private readonly ids = new Set<string>();

  async record(records: readonly AuditRecord[]): Promise<void> {
    const fresh = records.map((record) => ({ atMs: atMsOf(record), record: structuredClone(record) }));
    for (const entry of fresh) {
      if (this.ids.has(entry.record.id)) continue;
      this.ids.add(entry.record.id);
      this.entries.push(entry);
    }
    this.entries.sort((a, b) => comparePositions({ atMs: a.atMs, id: a.record.id }, { atMs: b.atMs, id: b.record.id }));
  }

  async query(query: AuditQuery): Promise<AuditPage> {
    const normalized = normalizeQuery(query);
    const rows = this.entries.filter((entry) => matches(entry.record, entry.atMs, normalized)).slice(0, normalized.limit + 1);
    return toPage(rows.map((entry) => structuredClone(entry.record)), normalized.limit);
  }

  stream(filter: AuditFilter): AsyncIterable<AuditRecord> {
    return streamPages((query) => this.query(query), filter);
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const cutoffMs = cutoff.getTime();
    const kept = this.entries.filter((entry) => entry.atMs >= cutoffMs);
    const purged = this.entries.filter((entry) => entry.atMs < cutoffMs);
    purged.forEach((entry) => this.ids.delete(entry.record.id));
    this.entries = kept;
    return purged.length;
  }

  async close(): Promise<void> {
    // Nothing to release.
  }
}
