import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { decide, evolve, initialScoreState, invertAll, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import { arbitraryScoreHistory, type ScoreHistory } from '@bandpro/domain/testing';
import { diffScores, type ScoreDiff } from '../../src/diff';

/** The state after each command of the history (index 0: no score yet), with each command's events. */
function statesOf(history: ScoreHistory): { states: ScoreState[]; events: ScoreEvent[][] } {
  const states: ScoreState[] = [initialScoreState()];
  const events: ScoreEvent[][] = [];
  for (const command of history.commands) {
    const before = states[states.length - 1];
    const produced = decide(command, before);
    events.push(produced);
    states.push(produced.reduce(evolve, before));
  }
  return { states, events };
}

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id).sort();
const voiceKey = (v: ScoreDiff['notes'][number]) => `${v.partId}/${v.staff}/${v.measureId}/${v.voice}`;

function sides(diff: ScoreDiff) {
  return {
    parts: [ids(diff.parts.added), ids(diff.parts.removed)],
    measures: [diff.measures.added.map((m) => m.measureId).sort(), diff.measures.removed.map((m) => m.measureId).sort()],
    entries: diff.notes.map((v) => [voiceKey(v), ids(v.added), ids(v.removed)]).sort(),
    marks: diff.marks.map((m) => [`${voiceKey({ ...m, voice: 1 } as never)}/${m.kind}`, ids(m.added), ids(m.removed)]).sort(),
  };
}

const swapped = (s: ReturnType<typeof sides>) => ({
  parts: [s.parts[1], s.parts[0]],
  measures: [s.measures[1], s.measures[0]],
  entries: s.entries.map(([k, a, r]) => [k, r, a]),
  marks: s.marks.map(([k, a, r]) => [k, r, a]),
});

const pairs = fc.tuple(arbitraryScoreHistory({ maxCommands: 30 }), fc.nat(), fc.nat());

describe('diffScores properties', () => {
  it('should be empty exactly when the two states are deep-equal', () => {
    fc.assert(
      fc.property(pairs, ([history, x, y]) => {
        const { states } = statesOf(history);
        const [a, b] = [states[x % states.length], states[y % states.length]];
        expect(diffScores(a, b).empty).toBe(isDeepStrictEqual(a, b));
      }),
      { numRuns: 60 },
    );
  });

  it('should find nothing after a change and its undo, though they share little structure', () => {
    fc.assert(
      fc.property(pairs, ([history, x]) => {
        const { states, events } = statesOf(history);
        const k = x % events.length;
        const after = events[k].reduce(evolve, states[k]);
        const undone = invertAll(events[k]).reduce(evolve, after);
        expect(diffScores(states[k], undone).empty).toBe(true);
        expect(diffScores(states[k], after).empty).toBe(events[k].length === 0 || isDeepStrictEqual(states[k], after));
      }),
      { numRuns: 60 },
    );
  });

  it('should swap what is added and what is removed when the arguments swap', () => {
    fc.assert(
      fc.property(pairs, ([history, x, y]) => {
        const { states } = statesOf(history);
        const [a, b] = [states[x % states.length], states[y % states.length]];
        expect(sides(diffScores(b, a))).toEqual(swapped(sides(diffScores(a, b))));
      }),
      { numRuns: 60 },
    );
  });
});
