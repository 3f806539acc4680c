import { isPlain, reusedJson, reusedPartJson } from '../../shared/reused-json';

/** One field of a document whose items are stored as rows of their own, each item's JSON in order. */
export interface SplitField {
  field: string;
  items: string[];
}

/** A document as the SQLite adapter writes it: the JSON of the rest, and its split fields item by item. */
export interface StoredDoc {
  /** The document with each split field as an empty array, where it stands. */
  json: string;
  /** Null when no field is split. */
  split: SplitField[] | null;
}

/** An item row as read back, ordered by field then index. */
export interface ItemRow {
  field: string;
  json: string;
}

/** Only a long array of objects is worth rows of its own (a score's measures); a short one stays inline. */
const SPLIT_MIN_ITEMS = 16;
const SPLIT_MIN_JSON = 8192;

/**
 * SQLite rewrites a whole row to change any byte of it, and logs every page of it: a 37 KB score
 * document rewritten for a rehearsal mark cost the projector most of its time under command load.
 * A top-level array of at least SPLIT_MIN_ITEMS objects whose JSON adds up to SPLIT_MIN_JSON is
 * therefore stored one row per item, so a commit writes the items that changed and the rest of the
 * document. `immutable`: as CommitOptions.immutableDocs (unchanged parts keep their JSON).
 */
export function storedDoc(doc: object, immutable: boolean): StoredDoc {
  const whole = (value: object) => (immutable ? reusedJson(value) : JSON.stringify(value));
  if (!isPlainObject(doc)) return { json: whole(doc), split: null };
  const split: SplitField[] = [];
  for (const [field, value] of Object.entries(doc)) {
    if (!splittable(field, value)) continue;
    const items = value.map((item: object) => (immutable ? reusedPartJson(item) : JSON.stringify(item)));
    if (items.reduce((length, json) => length + json.length, 0) >= SPLIT_MIN_JSON) split.push({ field, items });
  }
  if (split.length === 0) return { json: whole(doc), split: null };
  return { json: restJson(doc, new Set(split.map(({ field }) => field)), immutable), split };
}

/**
 * The document with its split fields as empty arrays. Field by field when its parts are immutable:
 * an edit of a measure leaves every other field the same object, whose JSON was kept.
 */
function restJson(doc: object, split: ReadonlySet<string>, immutable: boolean): string {
  const entries = Object.entries(doc);
  if (!immutable || entries.some(([, value]) => hasToJson(value))) {
    return JSON.stringify(Object.fromEntries(entries.map(([field, value]) => [field, split.has(field) ? [] : value])));
  }
  const fields: string[] = [];
  for (const [field, value] of entries) {
    const json = split.has(field) ? '[]' : typeof value === 'object' && value !== null ? reusedPartJson(value) : (JSON.stringify(value) as string | undefined);
    if (json !== undefined) fields.push(`${JSON.stringify(field)}:${json}`);
  }
  return `{${fields.join(',')}}`;
}

/** JSON.stringify would hand such a value its field name: left to JSON.stringify to get exactly its output. */
const hasToJson = (value: unknown): boolean => typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function';

/** The document again from its stored JSON and its item rows (which must come ordered by field, then index). */
export function assembledDoc<Doc>(json: string, items: readonly ItemRow[]): Doc {
  const doc = JSON.parse(json) as Record<string, unknown[]>;
  for (const item of items) doc[item.field].push(JSON.parse(item.json));
  return doc as Doc;
}

function splittable(field: string, value: unknown): value is object[] {
  if (field === '__proto__' || !Array.isArray(value) || value.length < SPLIT_MIN_ITEMS) return false;
  // A loop, not every(): every() skips holes, which JSON writes as null.
  for (let i = 0; i < value.length; i++) if (!isPlainObject(value[i])) return false;
  return true;
}

/** An object JSON.stringify writes field by field (no array, no class instance, no toJSON). */
function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && isPlain(value);
}
