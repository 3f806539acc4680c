import { MusicError } from './music-error';
import type { Interval, Pitch, PitchClass } from './music.types';
import { isAlter, lineOfFifths, mod, pitchClassAtFifths, stepIndex, STEPS } from './pitch-class';
import { assertPitch, isValidPitch, pitchToMidi } from './pitch';

export const UNISON: Interval = Object.freeze({ diatonic: 0, chromatic: 0 });
export const OCTAVE: Interval = Object.freeze({ diatonic: 7, chromatic: 12 });

export function isValidInterval(i: Interval): boolean {
  return Number.isSafeInteger(i.diatonic) && Number.isSafeInteger(i.chromatic);
}

function assertInterval(i: Interval): void {
  if (!isValidInterval(i)) {
    throw new MusicError('INVALID_INTERVAL', `Invalid interval ${JSON.stringify(i)}`, { interval: i });
  }
}

const diatonicIndex = (p: Pitch): number => p.octave * 7 + stepIndex(p.step);

export function intervalBetween(from: Pitch, to: Pitch): Interval {
  return { diatonic: diatonicIndex(to) - diatonicIndex(from), chromatic: pitchToMidi(to) - pitchToMidi(from) };
}

/** Moves the letter by `diatonic` steps and lets the accidental absorb the rest (E4 + M3 = G#4). */
export function transposePitch(p: Pitch, i: Interval): Pitch {
  assertPitch(p);
  assertInterval(i);
  const index = diatonicIndex(p) + i.diatonic;
  const natural: Pitch = { step: STEPS[mod(index, 7)], alter: 0, octave: Math.floor(index / 7) };
  const alter = pitchToMidi(p) + i.chromatic - pitchToMidi(natural);
  if (!isAlter(alter)) {
    throw new MusicError('SPELLING_OUT_OF_RANGE', `Transposing needs more than a double accidental`, {
      pitch: p,
      interval: i,
      alter,
    });
  }
  const result: Pitch = { ...natural, alter };
  if (!isValidPitch(result)) {
    throw new MusicError('INVALID_PITCH', 'Transposed pitch leaves the MIDI range', { pitch: p, interval: i });
  }
  return result;
}

/** How far an interval moves along the line of fifths (M2 → +2, m2 → -5); also how it moves a key. */
export const intervalFifths = (i: Interval): number => 7 * i.chromatic - 12 * i.diatonic + 0;

export function transposePitchClass(pc: PitchClass, i: Interval): PitchClass {
  assertInterval(i);
  return pitchClassAtFifths(lineOfFifths(pc) + intervalFifths(i));
}

export const negateInterval = (i: Interval): Interval => ({ diatonic: 0 - i.diatonic, chromatic: 0 - i.chromatic });

export const addIntervals = (a: Interval, b: Interval): Interval => ({
  diatonic: a.diatonic + b.diatonic,
  chromatic: a.chromatic + b.chromatic,
});

export const semitones = (i: Interval): number => i.chromatic;

export const isDescending = (i: Interval): boolean => i.diatonic < 0 || (i.diatonic === 0 && i.chromatic < 0);

/** Semitones of the major or perfect interval with this many diatonic steps (>= 0). */
const MAJOR_SCALE = [0, 2, 4, 5, 7, 9, 11];
const majorOrPerfect = (diatonic: number): number => MAJOR_SCALE[diatonic % 7] + 12 * Math.floor(diatonic / 7);
const isPerfectClass = (diatonic: number): boolean => [0, 3, 4].includes(diatonic % 7);

function qualityText(diatonic: number, chromatic: number): string {
  const offset = chromatic - majorOrPerfect(diatonic);
  if (offset > 0) return 'A'.repeat(offset);
  if (isPerfectClass(diatonic)) return offset === 0 ? 'P' : 'd'.repeat(-offset);
  if (offset === 0) return 'M';
  return offset === -1 ? 'm' : 'd'.repeat(-offset - 1);
}

/** "M3", "-P5", "A4", "m10", "d7"; descending intervals carry a leading "-". */
export function formatInterval(i: Interval): string {
  assertInterval(i);
  const up = isDescending(i) ? negateInterval(i) : i;
  return `${isDescending(i) ? '-' : ''}${qualityText(up.diatonic, up.chromatic)}${up.diatonic + 1}`;
}

function qualityOffset(quality: string, diatonic: number): number | undefined {
  const perfect = isPerfectClass(diatonic);
  if (quality === 'P') return perfect ? 0 : undefined;
  if (quality === 'M') return perfect ? undefined : 0;
  if (quality === 'm') return perfect ? undefined : -1;
  if (quality.startsWith('A')) return quality.length;
  return perfect ? -quality.length : -quality.length - 1;
}

export function parseInterval(text: string): Interval {
  const match = /^([+-]?)(P|M|m|A+|d+)(\d+)$/.exec(text.trim());
  const diatonic = match ? Number(match[3]) - 1 : -1;
  const offset = match && diatonic >= 0 ? qualityOffset(match[2], diatonic) : undefined;
  if (!match || offset === undefined) {
    throw new MusicError('INVALID_INTERVAL', `Cannot read an interval from "${text}"`, { text });
  }
  const up: Interval = { diatonic, chromatic: majorOrPerfect(diatonic) + offset };
  return match[1] === '-' ? negateInterval(up) : up;
}

/**
 * The spelt interval that moves the tonic of key `fromFifths` to that of `toFifths`:
 * 'up' within an octave above, 'down' within an octave below, 'closest' the smaller of the two (up on a tritone).
 */
export function intervalToKey(fromFifths: number, toFifths: number, direction: 'up' | 'down' | 'closest'): Interval {
  if (!Number.isSafeInteger(fromFifths) || !Number.isSafeInteger(toFifths)) {
    throw new MusicError('INVALID_KEY_SIGNATURE', 'Key positions must be integers', { fromFifths, toFifths });
  }
  const delta = toFifths - fromFifths;
  const diatonic = mod(4 * delta, 7);
  const simple: Interval = { diatonic, chromatic: 7 * delta - (12 * (4 * delta - diatonic)) / 7 + 0 };
  // A unison that drops (C to Cb) is already downward; going up it becomes a diminished octave.
  const ascending = diatonic === 0 && simple.chromatic < 0 ? addIntervals(simple, OCTAVE) : simple;
  const descending = diatonic === 0 && simple.chromatic <= 0 ? simple : addIntervals(simple, negateInterval(OCTAVE));
  if (direction === 'up') return ascending;
  if (direction === 'down') return descending;
  return Math.abs(ascending.chromatic) <= Math.abs(descending.chromatic) ? ascending : descending;
}
