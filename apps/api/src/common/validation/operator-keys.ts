const MAX_DEPTH = 32;

export type UnsafeInput = { reason: 'operator-key' | 'too-deep'; path: string };

/**
 * Finds what a document database could read as a query operator (`{"$gt": ""}`, `{"a.b": 1}`)
 * or a nesting deep enough to be an attack, anywhere in an untrusted value.
 */
export function findUnsafeInput(value: unknown, path = '', depth = 0): UnsafeInput | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > MAX_DEPTH) return { reason: 'too-deep', path };
  if (Array.isArray(value)) return firstOf(value.map((item, i) => [`${path}[${i}]`, item] as const), depth);
  for (const key of Object.keys(value)) {
    if (key.startsWith('$') || key.includes('.') || key === '__proto__') return { reason: 'operator-key', path: join(path, key) };
  }
  return firstOf(Object.entries(value).map(([key, item]) => [join(path, key), item] as const), depth);
}

function firstOf(children: readonly (readonly [string, unknown])[], depth: number): UnsafeInput | undefined {
  for (const [path, child] of children) {
    const found = findUnsafeInput(child, path, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** True for `{...}` objects: what a string or number field must never receive. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
