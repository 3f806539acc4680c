import { InvalidQueryError } from '../store/errors';
import type { FindQuery, OrderBy, ReadModelDoc, WhereValue } from '../store/read-model-store.port';

/** Plain identifiers joined by dots: safe to turn into a JSON path or a MongoDB field name. */
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export interface NormalizedOrder {
  field: string;
  direction: 'asc' | 'desc';
}

/** A validated FindQuery, the same for every adapter. */
export interface NormalizedQuery {
  where: [field: string, value: WhereValue][];
  orderBy: NormalizedOrder[];
  /** Undefined: no limit. */
  limit?: number;
  offset: number;
}

export function normalizeQuery(query: FindQuery = {}): NormalizedQuery {
  const where = Object.entries(query.where ?? {}).map(([field, value]): [string, WhereValue] => {
    checkField(field);
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw new InvalidQueryError(`where.${field} must be a string, number, boolean or null`);
    }
    return [field, value];
  });
  const orders: readonly OrderBy[] = query.orderBy === undefined ? [] : Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy as OrderBy];
  const orderBy = orders.map(({ field, direction = 'asc' }) => {
    checkField(field);
    if (direction !== 'asc' && direction !== 'desc') throw new InvalidQueryError(`orderBy direction must be asc or desc`);
    return { field, direction };
  });
  return { where, orderBy, limit: checkCount('limit', query.limit), offset: checkCount('offset', query.offset) ?? 0 };
}

function checkField(field: string): void {
  if (!FIELD.test(field)) throw new InvalidQueryError(`"${field}" is not a field name (letters, digits, _ and dots)`);
}

function checkCount(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidQueryError(`${name} must be a whole number ≥ 0`);
  return value;
}

export function readField(doc: unknown, field: string): unknown {
  let value: unknown = doc;
  for (const key of field.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** `null` matches a missing field too, as SQL's IS NULL and MongoDB's `{ f: null }` do. */
export function matchesWhere(doc: ReadModelDoc, where: NormalizedQuery['where']): boolean {
  return where.every(([field, expected]) => {
    const actual = readField(doc, field);
    return expected === null ? actual === null || actual === undefined : actual === expected;
  });
}

/** SQLite's order for json_extract values: nulls, then numbers (booleans as 0/1), then text. */
function rank(value: unknown): [number, number | string] {
  if (value === null || value === undefined) return [0, 0];
  if (typeof value === 'number') return [1, value];
  if (typeof value === 'boolean') return [1, value ? 1 : 0];
  if (typeof value === 'string') return [2, value];
  return [2, JSON.stringify(value)];
}

export function compareValues(a: unknown, b: unknown): number {
  const [rankA, keyA] = rank(a);
  const [rankB, keyB] = rank(b);
  if (rankA !== rankB) return rankA - rankB;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

export interface IdentifiedDoc {
  id: string;
  doc: ReadModelDoc;
}

/** Runs a normalized query in memory: filter, order (ties by id), page. */
export function runQuery(entries: Iterable<IdentifiedDoc>, query: NormalizedQuery): ReadModelDoc[] {
  const matching = [...entries].filter(({ doc }) => matchesWhere(doc, query.where));
  matching.sort((a, b) => {
    for (const { field, direction } of query.orderBy) {
      const order = compareValues(readField(a.doc, field), readField(b.doc, field));
      if (order !== 0) return direction === 'asc' ? order : -order;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const end = query.limit === undefined ? undefined : query.offset + query.limit;
  return matching.slice(query.offset, end).map(({ doc }) => doc);
}
