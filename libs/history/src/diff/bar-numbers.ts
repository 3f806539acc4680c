import type { ActiveScoreState } from '@bandpro/domain';

/**
 * Bar numbers as the score prints them (and as the MusicXML export writes them): a pickup, an irregular
 * first measure, is bar 0 so that the first full bar is bar 1; otherwise bars count from 1.
 */
export function barNumberAt(state: Pick<ActiveScoreState, 'measures'>, index: number): number {
  const pickup = state.measures.length > 0 && state.measures[0].length !== null;
  return pickup ? index : index + 1;
}

/** The bar number of a measure, or null when the measure is not in the score. */
export function barNumberOf(state: Pick<ActiveScoreState, 'measures' | 'measureIndex'>, measureId: string): number | null {
  const index = state.measureIndex[measureId];
  return index === undefined ? null : barNumberAt(state, index);
}
