import { getInstrument } from '../../instruments/instruments';
import { measureLength } from '../../music/duration';
import type { Clef, Fraction, KeySignature, TimeSignature } from '../../music/music.types';
import type { ActiveScoreState } from '../model/score.state';
import type { Measure, Part } from '../model/score.types';

/*
 * Attributes are stored as changes; these find what is in force at a measure by looking back.
 * They serve decide, where walking back over measures is affordable (evolve never does).
 */

function lastAtOrBefore<T>(measures: readonly Measure[], index: number, pick: (m: Measure) => T | null): T | null {
  for (let i = index; i >= 0; i--) {
    const value = pick(measures[i]);
    if (value !== null) return value;
  }
  return null;
}

export function timeSignatureAt(state: ActiveScoreState, index: number): TimeSignature {
  // The first measure always has one (FirstMeasureMustHaveTimeAndKeySignature).
  return lastAtOrBefore(state.measures, index, (m) => m.timeSignature) as TimeSignature;
}

export function keySignatureAt(state: ActiveScoreState, index: number): KeySignature {
  return lastAtOrBefore(state.measures, index, (m) => m.keySignature) as KeySignature;
}

/** How long the measure is: its own length when irregular, else its time signature's. */
export function measureLengthAt(state: ActiveScoreState, index: number): Fraction {
  return state.measures[index].length ?? measureLength(timeSignatureAt(state, index));
}

export function defaultClef(part: Part, staff: number): Clef {
  const clef = getInstrument(part.instrumentId)?.clefs[staff - 1];
  return clef ?? { sign: 'G', line: 2 };
}

export function clefAt(state: ActiveScoreState, part: Part, staff: number, index: number): Clef {
  const explicit = lastAtOrBefore(state.measures, index, (m) => m.content[part.id].staves[staff - 1].clef);
  return explicit ?? defaultClef(part, staff);
}
