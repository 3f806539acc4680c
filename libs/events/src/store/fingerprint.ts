import { hash } from 'node:crypto';

/**
 * JSON with object keys sorted, so two payloads that differ only in key order get the same
 * fingerprint. Takes the output of JSON.parse, hence only plain JSON values. Written with plain
 * loops: it runs for every appended event.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    out += `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:${canonicalJson(record[keys[i]])}`;
  }
  return `${out}}`;
}

/**
 * The same text as `canonicalJson(JSON.parse(JSON.stringify(data)))`, in one native stringify that
 * swaps each object for a copy with sorted keys. A copy cannot keep that order for integer-like
 * keys (JavaScript lists them first, by value) nor safely hold `__proto__` or `toJSON`: data with
 * such keys takes the slow path.
 */
export function canonicalDataJson(data: unknown): string {
  let exotic = false;
  const json = JSON.stringify(data, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const keys = Object.keys(value);
    let sorted = true;
    for (let i = 0; i < keys.length; i++) {
      if (isExoticKey(keys[i])) exotic = true;
      if (i > 0 && keys[i - 1] > keys[i]) sorted = false;
    }
    return sorted || exotic ? value : sortedCopy(value as Record<string, unknown>, keys.sort());
  });
  return exotic ? canonicalJson(JSON.parse(json)) : json;
}

function isExoticKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return (first >= 48 && first <= 57) || key === '__proto__' || key === 'toJSON';
}

function sortedCopy(record: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of keys) copy[key] = record[key];
  return copy;
}

export interface FingerprintPart {
  type: string;
  schemaVersion: number;
  /** The event's data as JSON text (any key order). */
  json: string;
  /** The value `json` was serialised from, when at hand: canonicalised directly, without a parse. */
  data?: unknown;
}

/** Stable hash of what an append would store (contract G3): a retry must hash to the same value. */
export function appendFingerprint(streamId: string, events: readonly FingerprintPart[]): string {
  // Length-prefixed fields, so no two different appends can concatenate to the same text.
  const field = (text: string) => `${text.length}:${text};`;
  let text = field(streamId);
  for (const event of events) {
    const canonical = event.data === undefined ? canonicalJson(JSON.parse(event.json)) : canonicalDataJson(event.data);
    text += field(event.type) + field(String(event.schemaVersion)) + field(canonical);
  }
  return hash('sha256', text, 'base64url');
}
