import type { NormalizedQuery } from '../../shared/query';
import type { WhereValue } from '../../store/read-model-store.port';
import { ACTIVE_DOCS } from './sqlite-schema';

export interface CompiledFind {
  sql: string;
  params: (string | number)[];
}

/**
 * Turns a validated query into one SELECT over the active generation. Field names were checked
 * to be plain identifiers; they still travel as bound JSON paths, never spliced into the SQL.
 * json_type keeps types apart (the text "1" never equals the number 1, true is not 1).
 */
export function compileFind(collection: string, query: NormalizedQuery): CompiledFind {
  const params: (string | number)[] = [collection];
  const conditions = query.where.map(([field, value]) => condition(`$.${field}`, value, params));
  const orders = query.orderBy.map(({ field, direction }) => {
    params.push(`$.${field}`);
    return `json_extract(d.doc, ?) ${direction === 'asc' ? 'ASC' : 'DESC'}`;
  });
  params.push(query.limit ?? -1, query.offset);
  const sql = [
    `SELECT d.generation, d.collection, d.id, d.doc, d.split ${ACTIVE_DOCS}`,
    ...conditions.map((c) => `AND ${c}`),
    `ORDER BY ${[...orders, 'd.id ASC'].join(', ')}`,
    'LIMIT ? OFFSET ?',
  ].join('\n');
  return { sql, params };
}

function condition(path: string, value: WhereValue, params: (string | number)[]): string {
  if (value === null) {
    params.push(path);
    return 'json_extract(d.doc, ?) IS NULL';
  }
  if (typeof value === 'boolean') {
    params.push(path, value ? 'true' : 'false');
    return 'json_type(d.doc, ?) = ?';
  }
  params.push(path, path, value);
  return typeof value === 'number'
    ? `json_type(d.doc, ?) IN ('integer', 'real') AND json_extract(d.doc, ?) = ?`
    : `json_type(d.doc, ?) = 'text' AND json_extract(d.doc, ?) = ?`;
}
