import fc from 'fast-check';
import { evolve, evolveAll, initialScoreState, isDomainError, type ScoreEvent, type ScoreState } from '../index';
import { arbitraryScoreHistory, run } from '../testing';

/** Frozen objects throw on any write (specs run in strict mode), so a fold that wrote into one fails loudly. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Cuts `events` into consecutive runs at the given (sorted, deduplicated) positions. */
function cut(events: readonly ScoreEvent[], positions: readonly number[]): ScoreEvent[][] {
  const ends = [...new Set(positions.map((p) => p % (events.length + 1)))].sort((a, b) => a - b);
  const runs: ScoreEvent[][] = [];
  let from = 0;
  for (const end of [...ends, events.length]) {
    runs.push(events.slice(from, end));
    from = end;
  }
  return runs;
}

describe('evolveAll (random valid histories)', () => {
  it('should give what reducing with evolve gives, run after run, and write into no state or event it was given', () => {
    fc.assert(
      fc.property(arbitraryScoreHistory(), fc.array(fc.nat(), { maxLength: 4 }), (history, positions) => {
        const { events } = run(history.commands);
        const copies = structuredClone(events);
        deepFreeze(events);
        let folded: ScoreState = deepFreeze(initialScoreState());
        let reduced: ScoreState = initialScoreState();
        const earlier: { state: ScoreState; copy: ScoreState }[] = [];
        for (const slice of cut(events, positions)) {
          folded = deepFreeze(evolveAll(folded, slice));
          reduced = slice.reduce(evolve, reduced);
          expect(folded).toStrictEqual(reduced);
          earlier.push({ state: folded, copy: structuredClone(folded) });
        }
        for (const { state, copy } of earlier) expect(state).toStrictEqual(copy);
        expect(events).toStrictEqual(copies);
      }),
      { numRuns: 150 },
    );
  });

  it('should leave earlier states alone when they are not frozen either', () => {
    fc.assert(
      fc.property(arbitraryScoreHistory(), fc.nat(), (history, at) => {
        const { events, state } = run(history.commands);
        const middle = at % (events.length + 1);
        const first = evolveAll(initialScoreState(), events.slice(0, middle));
        const before = structuredClone(first);
        expect(evolveAll(first, events.slice(middle))).toStrictEqual(state);
        expect(first).toStrictEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('should refuse an event that does not apply as evolve does, leaving the state it was given as it was', () => {
    fc.assert(
      fc.property(arbitraryScoreHistory(), (history) => {
        const { events } = run(history.commands);
        const withCreated = [...events, events[0]];
        const start = deepFreeze(initialScoreState());
        const refusal = (fold: () => unknown): unknown => {
          try {
            fold();
          } catch (error) {
            return isDomainError(error) ? { code: error.code, message: error.message } : error;
          }
          return undefined;
        };
        const expected = refusal(() => withCreated.reduce(evolve, start));
        expect(expected).toBeDefined();
        expect(refusal(() => evolveAll(start, withCreated))).toStrictEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('should let code that runs between its steps evolve states of its own without writing into them', () => {
    const { events, state } = run(fc.sample(arbitraryScoreHistory({ maxCommands: 60 }), { numRuns: 1, seed: 7 })[0].commands);
    let aside: ScoreState = deepFreeze(initialScoreState());
    function* watched(): Generator<ScoreEvent> {
      for (const event of events) {
        yield event;
        aside = deepFreeze(evolve(aside, event));
      }
    }
    expect(evolveAll(initialScoreState(), watched())).toStrictEqual(state);
    expect(aside).toStrictEqual(state);
  });

  it('should return the state it was given when there are no events', () => {
    const { state } = run(fc.sample(arbitraryScoreHistory(), { numRuns: 1, seed: 3 })[0].commands);
    expect(evolveAll(state, [])).toBe(state);
  });
});
