import { addIntervals, intervalFifths } from './interval';
import { validateKeySignature } from './key-signature';
import type { Interval, KeySignature, PitchClass } from './music.types';
import { type AccidentalStyle, formatPitchClass, pitchClassAtFifths } from './pitch-class';

export { isValidKeySignature, keyAlterFor, validateKeySignature } from './key-signature';

/** A diminished second: the same pitch one letter higher (B♯ → C), i.e. twelve fifths flatter. */
const DIMINISHED_SECOND: Interval = Object.freeze({ diatonic: 1, chromatic: 0 });
const DIMINISHED_SECOND_DOWN: Interval = Object.freeze({ diatonic: -1, chromatic: 0 });

/**
 * Transposes a key and, when the result would need more than `maxAccidentals` sharps or flats (B major up an
 * augmented unison is B♯ major, 12 sharps), respells it enharmonically (C major) and returns the interval that
 * spells notes consistently with it (a minor second instead of the augmented unison).
 */
export function transposeKeyAndInterval(
  ks: KeySignature,
  i: Interval,
  maxAccidentals: 6 | 7 = 7,
): { key: KeySignature; interval: Interval } {
  validateKeySignature(ks);
  let interval = i;
  let fifths = ks.fifths + intervalFifths(i);
  while (fifths > maxAccidentals) {
    interval = addIntervals(interval, DIMINISHED_SECOND);
    fifths -= 12;
  }
  while (fifths < -maxAccidentals) {
    interval = addIntervals(interval, DIMINISHED_SECOND_DOWN);
    fifths += 12;
  }
  return { key: { fifths, mode: ks.mode }, interval };
}

/** fifths + 7 × chromatic − 12 × diatonic, respelt within seven sharps or flats. */
export function transposeKey(ks: KeySignature, i: Interval): KeySignature {
  return transposeKeyAndInterval(ks, i).key;
}

/** The tonic: the key's own fifth for major, three fifths sharper for minor (A minor shares C's signature). */
export function keyTonic(ks: KeySignature): PitchClass {
  validateKeySignature(ks);
  return pitchClassAtFifths(ks.fifths + (ks.mode === 'minor' ? 3 : 0));
}

/** "E♭ major", "c minor", "f♯ minor": minor tonics in lower case, as in most English-language scores. */
export function keyName(ks: KeySignature, style: AccidentalStyle = 'unicode'): string {
  const tonic = formatPitchClass(keyTonic(ks), style);
  return ks.mode === 'minor' ? `${tonic.charAt(0).toLowerCase()}${tonic.slice(1)} minor` : `${tonic} major`;
}
