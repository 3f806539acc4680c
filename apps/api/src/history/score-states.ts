import { evolveAll, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import type { HistoryEvent } from '@bandpro/history';

/** Applies stored events to a state with the domain's batch fold (one copy of each path per run, not per event). */
export function applyEvents(state: ScoreState, events: readonly HistoryEvent[]): ScoreState {
  return evolveAll(state, events.map((event) => ({ type: event.type, data: event.data }) as ScoreEvent));
}
