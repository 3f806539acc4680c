import { addF, frac, mulF } from './fraction';
import { MusicError } from './music-error';
import type { Duration, DurationType, Fraction, TimeSignature } from './music.types';

/** Longest first; each is half the one before it. */
export const DURATION_TYPES: readonly DurationType[] = Object.freeze([
  'whole',
  'half',
  'quarter',
  'eighth',
  '16th',
  '32nd',
  '64th',
]);

const MAX_DOTS = 2;
const MAX_TUPLET_PART = 32;

function isTupletPart(n: unknown): boolean {
  return Number.isInteger(n) && (n as number) > 0 && (n as number) <= MAX_TUPLET_PART;
}

export function isValidDuration(d: Duration): boolean {
  if (!DURATION_TYPES.includes(d.type)) return false;
  if (!Number.isInteger(d.dots) || d.dots < 0 || d.dots > MAX_DOTS) return false;
  return d.tuplet === undefined || (isTupletPart(d.tuplet.actual) && isTupletPart(d.tuplet.normal));
}

/** Length of an undotted, untupled note value in whole notes. */
export function durationTypeToFraction(type: DurationType): Fraction {
  return frac(1, 2 ** DURATION_TYPES.indexOf(type));
}

/** Whole note = 1; each dot adds half the previous value; a tuplet scales by normal/actual. */
export function durationToFraction(d: Duration): Fraction {
  if (!isValidDuration(d)) {
    throw new MusicError('INVALID_DURATION', `Invalid duration ${JSON.stringify(d)}`, { duration: d });
  }
  const base = durationTypeToFraction(d.type);
  // base * (2 - 1/2^dots): one dot = 3/2, two dots = 7/4.
  const dotted = mulF(base, frac(2 ** (d.dots + 1) - 1, 2 ** d.dots));
  return d.tuplet ? mulF(dotted, frac(d.tuplet.normal, d.tuplet.actual)) : dotted;
}

/** The plain (non-tuplet) duration with at most `maxDots` dots that lasts exactly `length`, if any. */
export function plainDurationFor(length: Fraction, maxDots = MAX_DOTS): Duration | undefined {
  for (const type of DURATION_TYPES) {
    for (let dots = 0; dots <= maxDots; dots++) {
      const candidate: Duration = { type, dots };
      const value = durationToFraction(candidate);
      if (value.num === length.num && value.den === length.den) return candidate;
    }
  }
  return undefined;
}

const BEAT_TYPES = [1, 2, 4, 8, 16, 32, 64];

export function isValidTimeSignature(ts: TimeSignature): boolean {
  return Number.isInteger(ts.beats) && ts.beats > 0 && ts.beats <= 99 && BEAT_TYPES.includes(ts.beatType);
}

export function assertTimeSignature(ts: TimeSignature): void {
  if (!isValidTimeSignature(ts)) {
    throw new MusicError('INVALID_TIME_SIGNATURE', `Invalid time signature ${ts.beats}/${ts.beatType}`, { ts });
  }
}

/** 6/8, 9/8, 12/8 (and 6/16 ...) are felt in dotted beats; 3/8 and 6/4 are not treated as compound. */
export function isCompoundMeter(ts: TimeSignature): boolean {
  return ts.beatType >= 8 && ts.beats > 3 && ts.beats % 3 === 0;
}

export function measureLength(ts: TimeSignature): Fraction {
  assertTimeSignature(ts);
  return frac(ts.beats, ts.beatType);
}

export function beatLength(ts: TimeSignature): Fraction {
  assertTimeSignature(ts);
  return isCompoundMeter(ts) ? frac(3, ts.beatType) : frac(1, ts.beatType);
}

/** Total length of a sequence of durations. */
export function sumDurations(durations: readonly Duration[]): Fraction {
  return durations.reduce((acc, d) => addF(acc, durationToFraction(d)), frac(0));
}
