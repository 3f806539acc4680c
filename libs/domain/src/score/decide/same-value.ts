/** Equality of small plain values that decide normalised (same key order), e.g. a clef or a tempo mark. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
