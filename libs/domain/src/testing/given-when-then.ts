import {
  decide,
  evolve,
  initialScoreState,
  invert,
  isDomainError,
  replay,
  type ScoreCommand,
  type ScoreEvent,
  type ScoreState,
} from '../index';

declare const expect: ((actual: unknown) => { toStrictEqual(expected: unknown): void }) | undefined;

function assertEqual(actual: unknown, expected: unknown, what: string): void {
  if (typeof expect === 'function') {
    expect(actual).toStrictEqual(expected);
    return;
  }
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what} differ:\n actual ${JSON.stringify(actual)}\n expected ${JSON.stringify(expected)}`);
  }
}

/** Each event, then its inverse, gives back the state it started from. */
export function assertInvertible(from: ScoreState, events: readonly ScoreEvent[]): void {
  let state = from;
  for (const event of events) {
    const after = evolve(state, event);
    assertEqual(invert(event).reduce(evolve, after), state, `state after undoing ${event.type}`);
    state = after;
  }
}

export interface WhenResult {
  /** Asserts exactly these events and returns them. */
  then(expected: ScoreEvent[]): ScoreEvent[];
  /** Asserts that decide throws a DomainError with this code (and returns it). */
  thenThrows(code: string): Error;
  /** The events decide returned (throws if it threw), for assertions of your own. */
  events(): ScoreEvent[];
  /** The state after the given events and the ones decide returned. */
  state(): ScoreState;
}

/**
 * given(history).when(command).then(events) / .thenThrows(code): the aggregate's test language.
 * Also checks, for every event decide returns, that its inverse takes the state back exactly.
 */
export function given(history: readonly ScoreEvent[] = []) {
  const before = replay(history, initialScoreState());
  return {
    when(command: ScoreCommand): WhenResult {
      let outcome: { events: ScoreEvent[] } | { error: unknown } | undefined;
      const run = () => {
        if (outcome === undefined) {
          try {
            outcome = { events: decide(command, before) };
          } catch (error) {
            outcome = { error };
          }
        }
        return outcome;
      };
      const events = (): ScoreEvent[] => {
        const o = run();
        if ('error' in o) throw o.error;
        return o.events;
      };
      return {
        then(expected) {
          const actual = events();
          assertEqual(actual, expected, 'events');
          assertInvertible(before, actual);
          return actual;
        },
        thenThrows(code) {
          const o = run();
          if (!('error' in o)) throw new Error(`Expected ${code}, but decide returned ${JSON.stringify(o.events.map((e) => e.type))}`);
          if (!isDomainError(o.error)) throw o.error;
          assertEqual(o.error.code, code, 'error codes');
          return o.error;
        },
        events,
        state: () => events().reduce(evolve, before),
      };
    },
  };
}
