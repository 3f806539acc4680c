/**
 * Where `id` appears in `data`: as a whole string value, or as an object key (a measure's content
 * is keyed by part id). Structural, so an id that is only a prefix of another never matches.
 * Paths read like `data.notes[0].id`.
 */
export function mentionsOf(data: unknown, id: string, path = 'data'): string[] {
  if (typeof data === 'string') return data === id ? [path] : [];
  if (Array.isArray(data)) return data.flatMap((item, index) => mentionsOf(item, id, `${path}[${index}]`));
  if (data === null || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([key, value]) => {
    const here = `${path}.${key}`;
    return key === id ? [here, ...mentionsOf(value, id, here)] : mentionsOf(value, id, here);
  });
}
