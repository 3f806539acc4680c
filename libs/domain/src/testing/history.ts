import { decide, evolve, initialScoreState, type ScoreCommand, type ScoreEvent, type ScoreState } from '../index';
import { createScore } from './commands';

/** Runs commands through decide and evolve; returns every event and the final state. Throws if one is rejected. */
export function run(commands: readonly ScoreCommand[], from: ScoreState = initialScoreState()): { events: ScoreEvent[]; state: ScoreState } {
  let state = from;
  const events: ScoreEvent[] = [];
  for (const command of commands) {
    for (const event of decide(command, state)) {
      events.push(event);
      state = evolve(state, event);
    }
  }
  return { events, state };
}

/** The events of a default new score (createScore()) followed by `commands`. */
export function history(...commands: ScoreCommand[]): ScoreEvent[] {
  return run([createScore(), ...commands]).events;
}

/** Events of `commands` applied to a state that already has `before` (without repeating `before`). */
export function eventsAfter(before: readonly ScoreEvent[], ...commands: ScoreCommand[]): ScoreEvent[] {
  const state = before.reduce(evolve, initialScoreState());
  return run(commands, state).events;
}
