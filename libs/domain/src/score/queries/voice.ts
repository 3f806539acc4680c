import { durationToFraction } from '../../music/duration';
import { addF } from '../../music/fraction';
import type { Fraction } from '../../music/music.types';
import type { VoiceEntry } from '../model/score.types';

/** Where each entry starts (a voice is contiguous from the start of the measure). */
export function entryOffsets(entries: readonly VoiceEntry[]): Fraction[] {
  const offsets: Fraction[] = [];
  // A fresh zero, not the frozen ZERO: offsets end up in events, which consumers may copy or upcast in place.
  let at: Fraction = { num: 0, den: 1 };
  for (const e of entries) {
    offsets.push(at);
    at = addF(at, durationToFraction(e.duration));
  }
  return offsets;
}

/** Where the voice's content ends. */
export function contentEnd(entries: readonly VoiceEntry[]): Fraction {
  let at: Fraction = { num: 0, den: 1 };
  for (const e of entries) at = addF(at, durationToFraction(e.duration));
  return at;
}
