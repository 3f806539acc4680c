import { compareF, contentEnd, measureLengthAt, type ActiveScoreState, type Fraction, type PartMeasure } from '@bandpro/domain';

function offsetsOf(pm: PartMeasure): Fraction[] {
  const staffMarks = pm.staves.flatMap((s) => [...s.dynamics, ...s.hairpins, ...s.slurs, ...s.texts]);
  return [...staffMarks, ...pm.chordSymbols].map((m) => m.offset);
}

/**
 * Whether old content still fits the measure at `index` as it is (or will be) in `state`: its time
 * signature or length may have changed since, and the model never holds a voice longer than its measure.
 */
export function fitsMeasure(state: ActiveScoreState, index: number, pm: PartMeasure): boolean {
  const length = measureLengthAt(state, index);
  const voicesFit = pm.staves.every((s) => s.voices.every((v) => compareF(contentEnd(v), length) <= 0));
  return voicesFit && offsetsOf(pm).every((o) => compareF(o, length) < 0);
}
