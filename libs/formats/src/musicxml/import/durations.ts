import {
  DURATION_TYPES,
  type Duration,
  type DurationType,
  durationToFraction,
  type Fraction,
  frac,
  isValidDuration,
  lteF,
  mulF,
  plainDurationFor,
  subF,
  durationTypeToFraction,
  type Tuplet,
} from '@bandpro/domain';
import { within } from './frames';
import type { NoteGroup } from './read.types';

/** The note value as written (type, dots, time modification), if the model can hold it. */
function written(g: NoteGroup): Duration | undefined {
  if (g.type === undefined || !DURATION_TYPES.includes(g.type as DurationType)) return undefined;
  const d: Duration = { type: g.type as DurationType, dots: g.dots };
  if (g.tuplet) d.tuplet = g.tuplet;
  return isValidDuration(d) ? d : undefined;
}

function withTuplet(length: Fraction, tuplet: Tuplet | undefined): Duration | undefined {
  if (!tuplet) return undefined;
  const plain = plainDurationFor(mulF(length, frac(tuplet.actual, tuplet.normal)));
  const d = plain && { ...plain, tuplet };
  return d && isValidDuration(d) ? d : undefined;
}

/** Plain values, longest first, that add up to `length` (to be tied), or [] when it cannot be done. */
export function plainPieces(length: Fraction): Duration[] {
  const out: Duration[] = [];
  let left = length;
  for (const type of DURATION_TYPES) {
    const value = durationTypeToFraction(type);
    while (lteF(value, left) && out.length < 16) {
      out.push({ type, dots: 0 });
      left = subF(left, value);
    }
  }
  return left.num === 0 ? out : [];
}

/**
 * The model duration(s) of a note: the written value when it agrees with <duration> (within one division
 * of rounding); else the value <duration> gives, with the written tuplet ratio or without; else, for a
 * length no single value has, tied pieces. <duration> wins because it is where the next note starts.
 */
export function resolveDurations(g: NoteGroup): Duration[] {
  const notated = written(g);
  if (notated && (g.length === undefined || within(durationToFraction(notated), g.length, g.unit))) return [notated];
  if (g.length === undefined || g.length.num === 0) return [];
  const exact = withTuplet(g.length, g.tuplet) ?? plainDurationFor(g.length);
  if (exact) return [exact];
  return notated ? [notated] : plainPieces(g.length);
}
