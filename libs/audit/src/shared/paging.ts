import type { AuditFilter, AuditPage, AuditQuery, AuditRecord } from '../audit-record';
import { encodeAuditCursor } from './cursor';
import { atMsOf, STREAM_PAGE } from './query-rules';

/** Adapters fetch one row more than asked: its presence is how they know another page exists. */
export function toPage(rows: AuditRecord[], limit: number): AuditPage {
  const records = rows.slice(0, limit);
  const last = records[records.length - 1];
  const nextCursor = rows.length > limit && last ? encodeAuditCursor({ atMs: atMsOf(last), id: last.id }) : null;
  return { records, nextCursor };
}

/** A stream is the pages of a query, read one after another: memory stays bounded by one page. */
export async function* streamPages(query: (query: AuditQuery) => Promise<AuditPage>, filter: AuditFilter): AsyncIterable<AuditRecord> {
  let cursor: string | undefined;
  do {
    const page = await query({ ...filter, cursor, limit: STREAM_PAGE });
    yield* page.records;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
