import { EventDoesNotApply } from '../../errors/event-does-not-apply';
import type { ScoreCreated, ScoreDiscarded, ScoreImported, ScoreInfoUpdated } from '../events/score.events';
import { initialScoreState, stateFromScore, type ScoreState } from '../model/score.state';
import { requireActive } from './paths';

export function evolveScoreStarted(state: ScoreState, event: ScoreCreated | ScoreImported): ScoreState {
  if (state.status !== 'empty') throw new EventDoesNotApply(event.type, 'the score exists already');
  return stateFromScore(event.data);
}

export function evolveScoreDiscarded(state: ScoreState, event: ScoreDiscarded): ScoreState {
  requireActive(state, event.type);
  return initialScoreState();
}

export function evolveScoreInfoUpdated(state: ScoreState, event: ScoreInfoUpdated): ScoreState {
  return { ...requireActive(state, event.type), ...event.data.to };
}
