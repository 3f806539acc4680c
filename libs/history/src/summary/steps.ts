import { evolve, isScoreEvent, type ScoreState } from '@bandpro/domain';

/** An event as history holds it: possibly of a type this version does not know. */
export type AnyEvent = { type: string; data: unknown };

/** An event and the score just before it. */
export type Step = { event: AnyEvent; state: ScoreState };

/* A summary describes; it does not validate: an event that does not apply leaves the state as it was. */
export function applySafely(state: ScoreState, event: AnyEvent): ScoreState {
  try {
    return isScoreEvent(event) ? evolve(state, event) : state;
  } catch {
    return state;
  }
}

/** Each event with the state just before it. */
export function steps(events: readonly AnyEvent[], before: ScoreState): Step[] {
  let state = before;
  return events.map((event) => {
    const step = { event, state };
    state = applySafely(state, event);
    return step;
  });
}

/* Events a command makes on the side of its main one: DeleteMeasures carries attributes and spanners past the
 * deleted bars; a shorter time signature or measure removes the rests that no longer fit. */
const SIDE_OF_DELETION = new Set(['TimeSignatureChanged', 'KeySignatureChanged', 'ClefChanged', 'HairpinRemoved', 'SlurRemoved']);

/** The events that say what the change was, without what its command did on the side. */
export function mainEvents(all: Step[]): Step[] {
  const main = all.filter((s) => s.event.type !== 'TrailingRestsRemoved');
  const deletions = main.filter((s) => s.event.type === 'MeasuresDeleted');
  if (deletions.length === 1 && main.every((s) => s === deletions[0] || SIDE_OF_DELETION.has(s.event.type))) return deletions;
  return main.length > 0 ? main : all;
}
