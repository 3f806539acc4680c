import type { AuditFilter, AuditQuery, AuditRecord } from '../audit-record';
import { InvalidAuditQueryError, InvalidAuditRecordError } from '../errors';
import { decodeAuditCursor, type AuditPosition } from './cursor';

export const MAX_AUDIT_PAGE = 1000;
/** Page size when an adapter reads a stream page by page. */
export const STREAM_PAGE = 500;

/** A filter with its time range in milliseconds, ready for any adapter. */
export interface NormalizedFilter {
  actorId?: string;
  scoreId?: string;
  action?: string;
  fromMs?: number;
  toMs?: number;
}

export interface NormalizedQuery extends NormalizedFilter {
  after?: AuditPosition;
  limit: number;
}

export function normalizeFilter(filter: AuditFilter): NormalizedFilter {
  return {
    actorId: filter.actorId,
    scoreId: filter.scoreId,
    action: filter.action,
    fromMs: filter.from === undefined ? undefined : timeOf(filter.from, 'from'),
    toMs: filter.to === undefined ? undefined : timeOf(filter.to, 'to'),
  };
}

export function normalizeQuery(query: AuditQuery): NormalizedQuery {
  if (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > MAX_AUDIT_PAGE) {
    throw new InvalidAuditQueryError(`limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}`);
  }
  const after = query.cursor === undefined ? undefined : decodeAuditCursor(query.cursor);
  return { ...normalizeFilter(query), after, limit: query.limit };
}

function timeOf(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new InvalidAuditQueryError(`${name} is not a valid date`);
  return ms;
}

/** The record's time in milliseconds; a record without a valid time is refused before anything is written. */
export function atMsOf(record: AuditRecord): number {
  const ms = Date.parse(record.at);
  if (Number.isNaN(ms)) throw new InvalidAuditRecordError(`Audit record ${record.id} has no valid time: "${record.at}"`);
  return ms;
}

/** The memory adapter's filter; the others say the same in SQL and in MongoDB's query language. */
export function matches(record: AuditRecord, atMs: number, query: NormalizedQuery): boolean {
  return (query.actorId === undefined || record.actor?.id === query.actorId)
    && (query.scoreId === undefined || record.scoreId === query.scoreId)
    && (query.action === undefined || record.action === query.action)
    && (query.fromMs === undefined || atMs >= query.fromMs)
    && (query.toMs === undefined || atMs < query.toMs)
    && (query.after === undefined || comparePositions({ atMs, id: record.id }, query.after) > 0);
}

export function comparePositions(a: AuditPosition, b: AuditPosition): number {
  if (a.atMs !== b.atMs) return a.atMs - b.atMs;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
