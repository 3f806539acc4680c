import { DURATION_TYPES, durationToFraction, durationTypeToFraction } from '../../music/duration';
import { addF, isZeroF, lteF, mulF, frac, subF } from '../../music/fraction';
import type { Duration, Fraction, Tuplet } from '../../music/music.types';
import type { VoiceEntry } from '../model/score.types';

/** A length or an offset a plain (non-tuplet) note can start or last: its denominator is a power of two. */
export const isDyadic = (f: Fraction): boolean => (f.den & (f.den - 1)) === 0;

export const sameTuplet = (a: Tuplet | undefined, b: Tuplet | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.actual * b.normal === b.actual * a.normal);

/** Plain note values, longest first, that add up to `length` (greedy; undefined when it cannot be done). */
function plainValues(length: Fraction): Duration[] | undefined {
  const out: Duration[] = [];
  let left = length;
  for (const type of DURATION_TYPES) {
    const value = durationTypeToFraction(type);
    while (lteF(value, left)) {
      out.push({ type, dots: 0 });
      left = subF(left, value);
    }
  }
  return isZeroF(left) ? out : undefined;
}

/** Tuplet rests of ratio `tuplet` lasting `length` (inside a tuplet group), if it can be done. */
export function tupletRests(length: Fraction, tuplet: Tuplet): Duration[] | undefined {
  const scaled = mulF(length, frac(tuplet.actual, tuplet.normal));
  if (!isDyadic(scaled)) return undefined;
  return plainValues(scaled)?.map((d) => ({ ...d, tuplet: { actual: tuplet.actual, normal: tuplet.normal } }));
}

/**
 * TupletMustBeComplete, checked on a whole voice: each run of consecutive entries with the same tuplet
 * ratio must last a plain length (3 triplet eighths = a quarter), so everything after it starts on the grid.
 */
export function tupletsAreComplete(entries: readonly VoiceEntry[]): boolean {
  let run: Fraction | undefined;
  let ratio: Tuplet | undefined;
  for (const e of entries) {
    const t = e.duration.tuplet;
    if (run !== undefined && !sameTuplet(t, ratio)) {
      if (!isDyadic(run)) return false;
      run = undefined;
    }
    if (t !== undefined) {
      run = addF(run ?? { num: 0, den: 1 }, durationToFraction(e.duration));
      ratio = t;
    }
  }
  return run === undefined || isDyadic(run);
}
