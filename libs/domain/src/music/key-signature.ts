import { MusicError } from './music-error';
import type { Alter, KeySignature, Step } from './music.types';

export const SHARP_ORDER: readonly Step[] = ['F', 'C', 'G', 'D', 'A', 'E', 'B'];
export const FLAT_ORDER: readonly Step[] = ['B', 'E', 'A', 'D', 'G', 'C', 'F'];

export function isValidKeySignature(ks: KeySignature): boolean {
  return Number.isInteger(ks.fifths) && Math.abs(ks.fifths) <= 7 && (ks.mode === 'major' || ks.mode === 'minor');
}

/** Throws INVALID_KEY_SIGNATURE unless fifths is an integer in -7..7 and mode is major or minor. */
export function validateKeySignature(ks: KeySignature): void {
  if (!isValidKeySignature(ks)) {
    throw new MusicError('INVALID_KEY_SIGNATURE', `Invalid key signature ${JSON.stringify(ks)}`, { key: ks });
  }
}

/** The alteration the key signature gives `step` (e.g. B in F major → -1). */
export function keyAlterFor(step: Step, ks: KeySignature): Alter {
  if (ks.fifths > 0) return SHARP_ORDER.indexOf(step) < ks.fifths ? 1 : 0;
  if (ks.fifths < 0) return FLAT_ORDER.indexOf(step) < -ks.fifths ? -1 : 0;
  return 0;
}
