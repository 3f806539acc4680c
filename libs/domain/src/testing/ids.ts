/**
 * Deterministic, well-formed ids for tests and generated histories: UUID-shaped (version nibble 7) with a
 * namespace and a counter, e.g. testId(5) = '00000000-0000-7000-8000-000000000005'.
 */
export function testId(n: number, namespace = 0): string {
  const ns = namespace.toString(16).padStart(8, '0').slice(-8);
  return `${ns}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A counter of fresh ids within one namespace. */
export function idSequence(namespace = 0, start = 1): () => string {
  let n = start;
  return () => testId(n++, namespace);
}

export const SCORE_ID = testId(1, 0xa);
export const OWNER_ID = 'user-owner';
export const PART_1 = testId(1, 0xb);
export const PART_2 = testId(2, 0xb);
export const PIANO = testId(3, 0xb);
/** Measure ids M[0], M[1]... (the first four are in the default score). */
export const M = Array.from({ length: 16 }, (_, i) => testId(i + 1, 0xc));
/** Entry / note / mark ids: E[0], E[1]... */
export const E = Array.from({ length: 64 }, (_, i) => testId(i + 1, 0xd));
export const N = Array.from({ length: 64 }, (_, i) => testId(i + 1, 0xe));
