import { addF, type Fraction, type Score } from '@bandpro/domain';
import { layoutMeasures, type MeasureInfo } from './measure-layout';
import { playbackOrder } from './playback-order';

/** One measure as played (a repeated measure appears once per pass), with its start in the unrolled piece. */
export interface PlayedMeasure {
  info: MeasureInfo;
  start: Fraction;
}

export interface Timeline {
  /** Every measure in score order. */
  measures: MeasureInfo[];
  played: PlayedMeasure[];
  /** Length of the unrolled piece in whole notes. */
  end: Fraction;
}

export function buildTimeline(score: Score): Timeline {
  const measures = layoutMeasures(score);
  const played: PlayedMeasure[] = [];
  let start: Fraction = { num: 0, den: 1 };
  for (const index of playbackOrder(score.measures)) {
    played.push({ info: measures[index], start });
    start = addF(start, measures[index].length);
  }
  return { measures, played, end: start };
}

/** Whole notes to ticks (ppq per quarter). Positions are rounded, never durations, so rounding cannot drift. */
export function toTicks(at: Fraction, ppq: number): number {
  return Math.round((at.num * 4 * ppq) / at.den);
}
