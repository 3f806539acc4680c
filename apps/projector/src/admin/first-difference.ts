/**
 * The path of the first place two JSON values differ (`parts[1].name`), or undefined when they are
 * equal. Both sides are compared as JSON, the way the read-model store keeps them.
 */
export function firstDifference(expected: unknown, actual: unknown, path = ''): string | undefined {
  if (Object.is(expected, actual)) return undefined;
  const bothObjects = typeof expected === 'object' && typeof actual === 'object' && expected !== null && actual !== null;
  if (!bothObjects || Array.isArray(expected) !== Array.isArray(actual)) return path || '(root)';
  if (Array.isArray(expected)) return firstArrayDifference(expected, actual as unknown[], path);
  const left = expected as Record<string, unknown>;
  const right = actual as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  for (const key of keys) {
    const found = firstDifference(left[key], right[key], path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

function firstArrayDifference(expected: unknown[], actual: unknown[], path: string): string | undefined {
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index += 1) {
    const found = firstDifference(expected[index], actual[index], `${path}[${index}]`);
    if (found !== undefined) return found;
  }
  return undefined;
}
