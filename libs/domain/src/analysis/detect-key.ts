import { fractionToNumber } from '../music/fraction';
import type { Fraction, KeySignature, Pitch, PitchClass } from '../music/music.types';
import { keyTonic } from '../music/key';
import { lineOfFifths, mod, pitchClassNumber } from '../music/pitch-class';
import { assertPitch } from '../music/pitch';
import { AnalysisInputMustBeValid, PassageMustHaveNotes } from './analysis-errors';
import { MAJOR_PROFILE, MINOR_PROFILE, pearson } from './key-profiles';

export interface TimedPitch {
  pitch: Pitch;
  duration: Fraction;
}

export interface KeyEstimate {
  key: KeySignature;
  tonic: PitchClass;
  /** Pearson's r between the passage's pitch-class durations and the key's profile, -1..1. */
  correlation: number;
}

export interface KeyDetection extends KeyEstimate {
  /** The other 23 keys, best first. */
  alternatives: KeyEstimate[];
}

interface Summary {
  histogram: number[];
  /** Duration-weighted mean line-of-fifths position of the notes as they are spelt. */
  centre: number;
}

function assertDuration(duration: Fraction): void {
  if (!Number.isSafeInteger(duration.num) || !Number.isSafeInteger(duration.den) || duration.den <= 0 || duration.num < 0) {
    throw new AnalysisInputMustBeValid({ field: 'duration', value: duration, expected: 'a fraction >= 0' });
  }
}

function summarise(notes: readonly TimedPitch[]): Summary {
  const histogram = new Array<number>(12).fill(0);
  let total = 0;
  let fifths = 0;
  for (const { pitch, duration } of notes) {
    assertPitch(pitch);
    assertDuration(duration);
    const length = fractionToNumber(duration);
    histogram[pitchClassNumber(pitch)] += length;
    total += length;
    fifths += lineOfFifths(pitch) * length;
  }
  if (total === 0) throw new PassageMustHaveNotes({ notes: notes.length });
  return { histogram, centre: fifths / total };
}

/*
 * A tonic's pitch class can have two key signatures within seven accidentals (D♭/C♯ major, E♭/D♯ minor...).
 * The one whose notes sit nearest the passage's own spelling wins, so a passage written in C♯ major is
 * read in C♯ major; elsewhere the only signature that exists is used (E♭ major, never D♯ major).
 */
function spellKey(tonic: number, mode: KeySignature['mode'], centre: number): KeySignature {
  const base = mod(7 * tonic, 12) - (mode === 'minor' ? 3 : 0);
  const [fifths] = [base - 12, base, base + 12]
    .filter((f) => Math.abs(f) <= 7)
    .sort((a, b) => Math.abs(centre - (a + 2)) - Math.abs(centre - (b + 2)) || Math.abs(a) - Math.abs(b));
  return { fifths, mode };
}

/*
 * The histogram is read from the candidate tonic upwards, so a transposed passage yields the very same sums in
 * the same order: ties and rounding cannot make the answer depend on where the passage sits.
 */
function correlate(histogram: readonly number[], tonic: number, profile: readonly number[]): number {
  return pearson(profile.map((_, i) => histogram[(tonic + i) % 12]), profile);
}

/**
 * Krumhansl–Schmuckler key finding: the duration-weighted pitch-class histogram correlated with the
 * Krumhansl–Kessler profile of each of the 24 keys. Ties go to major before minor, then to the lower tonic.
 * Throws NOT_ENOUGH_NOTES when nothing sounds.
 */
export function detectKey(notes: readonly TimedPitch[]): KeyDetection {
  const { histogram, centre } = summarise(notes);
  const estimates = (['major', 'minor'] as const).flatMap((mode) =>
    Array.from({ length: 12 }, (_, tonic): KeyEstimate => {
      const key = spellKey(tonic, mode, centre);
      const profile = mode === 'major' ? MAJOR_PROFILE : MINOR_PROFILE;
      return { key, tonic: keyTonic(key), correlation: correlate(histogram, tonic, profile) };
    }),
  );
  // Array.prototype.sort is stable, so equal correlations keep the fixed major-then-minor, C-upwards order.
  const [best, ...alternatives] = estimates.sort((a, b) => b.correlation - a.correlation);
  return { ...best, alternatives };
}
