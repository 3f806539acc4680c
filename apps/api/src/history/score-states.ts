import { evolve, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import type { HistoryEvent } from '@bandpro/history';

/** Applies stored events to a state with the domain's evolve. */
export function applyEvents(state: ScoreState, events: readonly HistoryEvent[]): ScoreState {
  let next = state;
  for (const event of events) next = evolve(next, { type: event.type, data: event.data } as ScoreEvent);
  return next;
}
