/** Subtrees whose JSON is at most this long keep it; larger ones are put together from their parts. */
const KEPT_JSON_MAX = 4096;
/** Smaller subtrees are cheaper to write again than to look up. */
const KEPT_JSON_MIN = 256;
/** A document seen for the first time is written by JSON.stringify, then walked to keep its parts when at most this long. */
const WARMED_JSON_MAX = 1 << 20;
/** Deeper than this is no document of ours: JSON.stringify then says what is wrong (a cycle, say). */
const MAX_DEPTH = 200;

const kept = new WeakMap<object, string>();
/** Subtrees too large to keep whose parts were kept: a document holding one was written before. */
const walked = new WeakSet<object>();

class TooDeep extends Error {}

/**
 * JSON.stringify for documents that are never mutated once written, as projections build them:
 * an unchanged subtree keeps its JSON from the last commit, so rewriting a document after a small
 * change costs the changed path, not the whole document. Each byte is kept once (the largest
 * subtree up to KEPT_JSON_MAX holds it, not its descendants too), and the WeakMap lets it go with
 * the document. Anything that is not plain data goes through JSON.stringify as it is.
 */
export function reusedJson(doc: object): string {
  if (!hasKeptPart(doc)) {
    // A new document (or a big one: walking is slower than JSON.stringify the first time).
    const json = JSON.stringify(doc);
    if (json.length > KEPT_JSON_MAX && json.length <= WARMED_JSON_MAX) walk(doc);
    return json;
  }
  return walk(doc) ?? JSON.stringify(doc);
}

function walk(doc: object): string | undefined {
  try {
    return write(doc, 0);
  } catch (error) {
    if (error instanceof TooDeep) return undefined;
    throw error;
  }
}

/** Whether a part of the document, or a part of one of its parts, was written before. */
function hasKeptPart(doc: object, depth = 0): boolean {
  for (const part of Object.values(doc)) {
    if (typeof part !== 'object' || part === null) continue;
    if (kept.has(part) || walked.has(part)) return true;
    if (depth === 0 && hasKeptPart(part, 1)) return true;
  }
  return false;
}

function write(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      return value === null ? 'null' : writeObject(value, depth);
    default:
      // undefined, functions and symbols: left out of objects, null in arrays; a bigint throws.
      return JSON.stringify(value);
  }
}

function writeObject(value: object, depth: number): string {
  const known = kept.get(value);
  if (known !== undefined) return known;
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (!isPlain(value)) return JSON.stringify(value);
  const json = Array.isArray(value) ? writeArray(value, depth) : writeFields(value as Record<string, unknown>, depth);
  if (json.length > KEPT_JSON_MAX) walked.add(value);
  else if (json.length >= KEPT_JSON_MIN) keep(value, json);
  return json;
}

function writeArray(items: readonly unknown[], depth: number): string {
  let json = '[';
  for (let i = 0; i < items.length; i++) json += `${i === 0 ? '' : ','}${write(items[i], depth + 1) ?? 'null'}`;
  return `${json}]`;
}

function writeFields(fields: Record<string, unknown>, depth: number): string {
  let json = '{';
  for (const key in fields) {
    const field = write(fields[key], depth + 1);
    if (field === undefined) continue;
    json += `${json.length === 1 ? '' : ','}${JSON.stringify(key)}:${field}`;
  }
  return `${json}}`;
}

/** The subtree keeps its JSON; its children's is now part of it. */
function keep(value: object, json: string): void {
  kept.set(value, json);
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    if (typeof child === 'object' && child !== null) kept.delete(child);
  }
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && proto !== Array.prototype) return false;
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
