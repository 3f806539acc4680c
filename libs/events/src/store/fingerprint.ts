import { hash } from 'node:crypto';

/**
 * JSON with object keys sorted, so two payloads that differ only in key order get the same
 * fingerprint. Takes the output of JSON.parse, hence only plain JSON values.
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

export interface FingerprintPart {
  type: string;
  schemaVersion: number;
  /** The event's data as JSON text (any key order). */
  json: string;
}

/** Stable hash of what an append would store (contract G3): a retry must hash to the same value. */
export function appendFingerprint(streamId: string, events: readonly FingerprintPart[]): string {
  // Length-prefixed fields, so no two different appends can concatenate to the same text.
  const field = (text: string) => `${text.length}:${text};`;
  let text = field(streamId);
  for (const event of events) {
    text += field(event.type) + field(String(event.schemaVersion)) + field(canonicalJson(JSON.parse(event.json)));
  }
  return hash('sha256', text, 'base64url');
}
