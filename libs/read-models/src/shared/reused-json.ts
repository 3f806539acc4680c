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

/**
 * The JSON of one part of a document that is written on its own (one measure of a score, say):
 * what was kept for it, else JSON.stringify's, kept whole for next time. A part is replaced, never
 * changed, so walking its own parts would only cost time (6x JSON.stringify for a new measure).
 */
export function reusedPartJson(part: object): string {
  const known = kept.get(part);
  if (known !== undefined) return known;
  const json = JSON.stringify(part);
  if (json !== undefined) kept.set(part, json);
  return json;
}

function walk(doc: object): string | undefined {
  const out = new Pieces();
  try {
    writeObject(doc, 0, out);
  } catch (error) {
    if (error instanceof TooDeep) return undefined;
    throw error;
  }
  return out.join();
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

/**
 * The JSON text as a list of pieces joined once at the end (and where a subtree is kept). Joining
 * gives a flat string; concatenating thousands of small strings with += gives a rope, which the
 * SQLite driver then converts to UTF-8 piece by piece: that cost 6x the serialising it saved.
 */
class Pieces {
  private readonly parts: string[] = [];
  length = 0;

  push(part: string): void {
    this.parts.push(part);
    this.length += part.length;
  }

  get count(): number {
    return this.parts.length;
  }

  /** The parts from `from` on, joined into one that replaces them. */
  joinFrom(from: number): string {
    const json = this.parts.splice(from).join('');
    this.parts.push(json);
    return json;
  }

  /** Takes back the parts from `from` on (a key whose value turned out to have no JSON). */
  dropFrom(from: number): void {
    for (const part of this.parts.splice(from)) this.length -= part.length;
  }

  join(): string {
    return this.parts.join('');
  }
}

/** Writes `value`; false when it has no JSON (undefined, a function, a symbol), which an object leaves out. */
function write(value: unknown, depth: number, out: Pieces): boolean {
  if (typeof value === 'object' && value !== null) return writeObject(value, depth, out);
  return writeAsIs(value, out);
}

/** As JSON.stringify writes it (a bigint throws there too). */
function writeAsIs(value: unknown, out: Pieces): boolean {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return false;
  out.push(json);
  return true;
}

function writeObject(value: object, depth: number, out: Pieces): boolean {
  const known = kept.get(value);
  if (known !== undefined) {
    out.push(known);
    return true;
  }
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (!isPlain(value)) return writeAsIs(value, out);
  const [from, before] = [out.count, out.length];
  if (Array.isArray(value)) writeArray(value, depth, out);
  else writeFields(value as Record<string, unknown>, depth, out);
  const length = out.length - before;
  if (length > KEPT_JSON_MAX) walked.add(value);
  else if (length >= KEPT_JSON_MIN) keep(value, out.joinFrom(from));
  return true;
}

function writeArray(items: readonly unknown[], depth: number, out: Pieces): void {
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(',');
    if (!write(items[i], depth + 1, out)) out.push('null');
  }
  out.push(']');
}

function writeFields(fields: Record<string, unknown>, depth: number, out: Pieces): void {
  out.push('{');
  let first = true;
  for (const key in fields) {
    const at = out.count;
    out.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    if (write(fields[key], depth + 1, out)) first = false;
    else out.dropFrom(at);
  }
  out.push('}');
}

/** The subtree keeps its JSON; its children's is now part of it. */
function keep(value: object, json: string): void {
  kept.set(value, json);
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    if (typeof child === 'object' && child !== null) kept.delete(child);
  }
}

export function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && proto !== Array.prototype) return false;
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
