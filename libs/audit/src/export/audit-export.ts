import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import type { AuditRecord } from '../audit-record';

/** The CSV columns, in order: one per record field, the actor split in two, details as JSON. */
export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actorId', 'actorKind', 'ip', 'userAgent', 'action', 'scoreId', 'outcome', 'status', 'details'] as const;

export type AuditExportFormat = 'csv' | 'ndjson';

export const AUDIT_EXPORT_CONTENT_TYPES: Record<AuditExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

export function toAuditCsvRow(record: AuditRecord): string[] {
  return [
    record.id,
    record.at,
    record.actor?.id ?? '',
    record.actor?.kind ?? '',
    record.ip ?? '',
    record.userAgent ?? '',
    record.action,
    record.scoreId ?? '',
    record.outcome,
    record.status === undefined ? '' : String(record.status),
    JSON.stringify(record.details),
  ];
}

/** The inverse of toAuditCsvRow (empty cells are absent values), for tools that read an export back. */
export function fromAuditCsvRow(row: readonly string[]): AuditRecord {
  const [id = '', at = '', actorId = '', actorKind = '', ip = '', userAgent = '', action = '', scoreId = '', outcome = '', status = '', details = '{}'] = row;
  const record: AuditRecord = {
    id,
    at,
    actor: actorId === '' ? null : { id: actorId, kind: actorKind as NonNullable<AuditRecord['actor']>['kind'] },
    ip: ip === '' ? null : ip,
    userAgent: userAgent === '' ? null : userAgent,
    action,
    outcome: outcome as AuditRecord['outcome'],
    details: JSON.parse(details) as Record<string, unknown>,
  };
  if (scoreId !== '') record.scoreId = scoreId;
  if (status !== '') record.status = Number(status);
  return record;
}

/**
 * Records → CSV text, row by row: the pipe applies back-pressure, so an export of millions of rows holds one
 * page of records in memory, never the file. Cells starting with = + - @ are not escaped (a spreadsheet
 * opening the file should be told to import as text); rows parse back to the same records.
 */
export function auditCsvStream(records: AsyncIterable<AuditRecord>): Readable {
  const rows = Readable.from(mapAsync(records, toAuditCsvRow));
  const csv = stringify({ header: true, columns: [...AUDIT_CSV_COLUMNS] });
  rows.on('error', (error) => csv.destroy(error));
  return rows.pipe(csv);
}

/** Records → one JSON object per line. */
export function auditNdjsonStream(records: AsyncIterable<AuditRecord>): Readable {
  return Readable.from(mapAsync(records, (record) => `${JSON.stringify(record)}\n`));
}

async function* mapAsync<T, U>(source: AsyncIterable<T>, map: (value: T) => U): AsyncIterable<U> {
  for await (const value of source) yield map(value);
}
