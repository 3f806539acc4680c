import { addF, measureLength, type Fraction, type KeySignature, type Measure, type Score, type TempoMark, type TimeSignature } from '@bandpro/domain';

/** A measure with the attributes in force there (looked up in score order) and where it starts in the score. */
export interface MeasureInfo {
  index: number;
  measure: Measure;
  timeSignature: TimeSignature;
  keySignature: KeySignature;
  /** The tempo mark in force (null before the first one). */
  tempo: TempoMark | null;
  length: Fraction;
  /** Start in whole notes counted in score order, without repeats: dynamics and hairpins are placed on it. */
  scoreStart: Fraction;
}

/** One pass over the measures; attributes are stored as changes, so each carries the last one forward. */
export function layoutMeasures(score: Score): MeasureInfo[] {
  const infos: MeasureInfo[] = [];
  let scoreStart: Fraction = { num: 0, den: 1 };
  score.measures.forEach((measure, index) => {
    const previous = infos[index - 1];
    // The first measure always has a time and a key signature (FirstMeasureMustHaveTimeAndKeySignature).
    const timeSignature = measure.timeSignature ?? (previous as MeasureInfo).timeSignature;
    const keySignature = measure.keySignature ?? (previous as MeasureInfo).keySignature;
    const tempo = measure.tempo ?? previous?.tempo ?? null;
    const length = measure.length ?? measureLength(timeSignature);
    infos.push({ index, measure, timeSignature, keySignature, tempo, length, scoreStart });
    scoreStart = addF(scoreStart, length);
  });
  return infos;
}
