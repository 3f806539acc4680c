import { evolve, type ActiveScoreState, type ScoreEvent } from '@bandpro/domain';
import { cmd, E, f, history, M, noteIdFor, PART_1, pitch, quarter, writeNote } from '@bandpro/domain/testing';
import { elementIdsOf, sameState } from '../../src/undo';

describe('sameState', () => {
  it('should compare plain JSON structurally', () => {
    expect(sameState({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameState({ a: [1, 2] }, { a: [1, 3] })).toBe(false);
    expect(sameState({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameState({ a: 1, c: undefined }, { a: 1, b: undefined })).toBe(false);
    expect(sameState([1], { 0: 1 })).toBe(false);
    expect(sameState({ 0: 1 }, [1])).toBe(false);
    expect(sameState([1, 2], [1])).toBe(false);
    expect(sameState(null, {})).toBe(false);
    expect(sameState('x', 'x')).toBe(true);
  });

  it('should rely on evolve sharing every measure an event does not touch', () => {
    const events = history(writeNote(E[0], f(0), quarter));
    const before = events.reduce(evolve, { status: 'empty' }) as ActiveScoreState;
    const change: ScoreEvent = {
      type: 'NotePitchChanged',
      data: { partId: PART_1, staff: 1, measureId: M[0], voice: 1, entryId: E[0], noteId: noteIdFor(E[0]), from: pitch('C'), to: pitch('D') },
    };

    const after = evolve(before, change) as ActiveScoreState;

    expect(after.measures.slice(1)).toEqual(before.measures.slice(1));
    after.measures.slice(1).forEach((m, i) => expect(m).toBe(before.measures[i + 1]));
    expect(after.parts).toBe(before.parts);
    expect(after.measureIndex).toBe(before.measureIndex);
    expect(sameState(after, before)).toBe(false);
  });
});

describe('elementIdsOf', () => {
  const [, written] = history(writeNote(E[0], f(0), quarter));

  it('should name the entries and notes a note event replaces or writes', () => {
    expect([...elementIdsOf(written)]).toEqual(expect.arrayContaining([E[0], noteIdFor(E[0])]));
  });

  it('should name the measure an attribute change belongs to', () => {
    const tempo = history(cmd('SetTempo', { measureId: M[1], tempo: { bpm: 60, beatUnit: { type: 'quarter', dots: 0 }, text: null } })).pop();

    expect([...elementIdsOf(tempo as ScoreEvent)]).toEqual([M[1]]);
  });

  it('should name every element inside deleted measures', () => {
    const deleted = history(writeNote(E[0], f(0), quarter, [pitch('C')], { measureId: M[1] }), cmd('DeleteMeasures', { fromMeasureId: M[1], toMeasureId: M[1] })).pop();

    expect([...elementIdsOf(deleted as ScoreEvent)]).toEqual(expect.arrayContaining([M[1], E[0], noteIdFor(E[0])]));
  });
});
