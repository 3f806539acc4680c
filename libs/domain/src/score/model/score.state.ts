import type { ElementId, Measure, Score } from './score.types';

/** Before ScoreCreated (and after ScoreDiscarded). */
export interface EmptyScoreState {
  status: 'empty';
}

/**
 * A score that exists. `measureIndex` maps a measure id to its position so evolve reaches a measure in O(1);
 * it is rebuilt only when measures are inserted or deleted.
 */
export interface ActiveScoreState extends Score {
  status: 'active';
  measureIndex: Record<ElementId, number>;
}

export type ScoreState = EmptyScoreState | ActiveScoreState;

export function initialScoreState(): ScoreState {
  return { status: 'empty' };
}

export function isActiveScore(state: ScoreState): state is ActiveScoreState {
  return state.status === 'active';
}

export function indexMeasures(measures: readonly Measure[]): Record<ElementId, number> {
  const index: Record<ElementId, number> = {};
  measures.forEach((m, i) => {
    index[m.id] = i;
  });
  return index;
}

export function stateFromScore(score: Score): ActiveScoreState {
  return { status: 'active', ...score, measureIndex: indexMeasures(score.measures) };
}

/** The document without the state's bookkeeping: what ImportScore takes and ScoreDiscarded carries. */
export function scoreOf(state: ActiveScoreState): Score {
  const { status: _status, measureIndex: _index, ...score } = state;
  return score;
}
