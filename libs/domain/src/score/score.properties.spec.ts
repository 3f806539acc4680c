import fc from 'fast-check';
import { evolve, initialScoreState, invert, replay, type ScoreEvent, type ScoreState } from '../index';
import { arbitraryScoreHistory, run } from '../testing';

const jsonRoundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('score aggregate properties (random valid histories)', () => {
  it('replays deterministically, and a state survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(arbitraryScoreHistory(), (history) => {
        const { events, state } = run(history.commands);
        const replayed = replay(events);
        expect(replayed).toStrictEqual(state);
        expect(replay(jsonRoundTrip(events))).toStrictEqual(state);
        expect(jsonRoundTrip(replayed)).toStrictEqual(replayed);
      }),
      { numRuns: 150 },
    );
  });

  it('resumes from a JSON snapshot taken anywhere in the history to the same state', () => {
    fc.assert(
      fc.property(arbitraryScoreHistory(), fc.nat(), (history, cut) => {
        const { events, state } = run(history.commands);
        const at = cut % (events.length + 1);
        const snapshot = jsonRoundTrip(replay(events.slice(0, at)));
        expect(replay(events.slice(at), snapshot)).toStrictEqual(state);
      }),
      { numRuns: 100 },
    );
  });

  it('undoes every event exactly: evolve(evolve(s, e), invert(e)) equals s', () => {
    fc.assert(
      fc.property(arbitraryScoreHistory(), (history) => {
        const { events } = run(history.commands);
        let state: ScoreState = initialScoreState();
        for (const event of events) {
          const after = evolve(state, event);
          expect(invert(event).reduce(evolve, after)).toStrictEqual(state);
          state = after;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('undoes a whole history back to the empty state by inverting it from the end', () => {
    fc.assert(
      fc.property(arbitraryScoreHistory(), (history) => {
        const { events, state } = run(history.commands);
        const undo: ScoreEvent[] = events.slice().reverse().flatMap(invert);
        expect(replay(undo, state)).toStrictEqual(initialScoreState());
      }),
      { numRuns: 100 },
    );
  });

  it('generates histories that exercise almost every command and event type', () => {
    const commands = new Set<string>();
    const events = new Set<string>();
    for (const history of fc.sample(arbitraryScoreHistory({ maxCommands: 60 }), { numRuns: 150, seed: 42 })) {
      history.commands.forEach((c) => commands.add(c.type));
      run(history.commands).events.forEach((e) => events.add(e.type));
    }
    expect(commands.size).toBeGreaterThanOrEqual(36);
    expect(events.size).toBeGreaterThanOrEqual(38);
  });
});

describe('redo (properties)', () => {
  it('re-applies every event through the inverse of its inverse', () => {
    fc.assert(
      fc.property(arbitraryScoreHistory(), (history) => {
        const { events } = run(history.commands);
        let state: ScoreState = initialScoreState();
        for (const event of events) {
          const after = evolve(state, event);
          const undone = invert(event).reduce(evolve, after);
          const redo = invert(event).flatMap(invert);
          expect(redo.reduce(evolve, undone)).toStrictEqual(after);
          state = after;
        }
      }),
      { numRuns: 100 },
    );
  });
});
