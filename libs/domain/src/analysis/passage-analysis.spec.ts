import {
  formatChordSymbol, nameSelectedChord, passageChords, passageKey, type ActiveScoreState, type Pitch, type ScoreCommand,
} from '../index';
import { initialScoreState } from '../score/model/score.state';
import { cmd, createScore, E, f, half, M, PART_1, PIANO, pitch, quarter, run, whole, writeNote } from '../testing';

const stateAfter = (commands: ScoreCommand[]): ActiveScoreState => run(commands).state as ActiveScoreState;
const code = (c: string) => expect.objectContaining({ code: c });

/** Quarter notes from the start of a measure of part 1, one entry id each from `first`. */
const quarters = (measure: number, pitches: Pitch[], first: number): ScoreCommand[] =>
  pitches.map((p, i) => writeNote(E[first + i], f(i, 4), quarter, [p], { measureId: M[measure] }));

describe('naming the chord of selected notes', () => {
  const state = stateAfter([
    createScore(),
    cmd('AddPart', { partId: PIANO, instrumentId: 'piano' }),
    writeNote(E[0], f(0), half, [pitch('C', 4), pitch('E', 4)]),
    writeNote(E[1], f(0), half, [pitch('G', 3)], { partId: PIANO, staff: 2 }),
  ]);

  it('should name the chord that entries of several parts form together, with the lowest note as its bass', () => {
    const [best] = nameSelectedChord(state, { entryIds: [E[0], E[1]] });

    expect(formatChordSymbol(best)).toBe('C/G');
  });

  it('should name the chord of everything in some measures of some parts', () => {
    expect(formatChordSymbol(nameSelectedChord(state, { measureIds: [M[0]] })[0])).toBe('C/G');
    expect(formatChordSymbol(nameSelectedChord(state, { measureIds: [M[0]], partIds: [PART_1] })[0])).toBe('C');
  });

  it('should refuse an entry that is not in the score, or not in the part asked for', () => {
    expect(() => nameSelectedChord(state, { entryIds: ['no-such-entry'] })).toThrow(code('REFERENCED_ELEMENT_MUST_EXIST'));
    expect(() => nameSelectedChord(state, { entryIds: [E[1]], partId: PART_1 })).toThrow(code('REFERENCED_ELEMENT_MUST_EXIST'));
  });

  it('should refuse a selection that is empty or holds only rests', () => {
    expect(() => nameSelectedChord(state, { entryIds: [] })).toThrow(code('SELECTION_MUST_HAVE_NOTES'));
    const rests = state.measures[0].content[PART_1].staves[0].voices[0].filter((e) => e.kind === 'rest').map((e) => e.id);
    expect(rests.length).toBeGreaterThan(0);
    expect(() => nameSelectedChord(state, { entryIds: rests })).toThrow(code('SELECTION_MUST_HAVE_NOTES'));
    expect(() => nameSelectedChord(state, { measureIds: [M[3]] })).toThrow(code('SELECTION_MUST_HAVE_NOTES'));
  });
});

describe('the key of a passage', () => {
  const gMajor = [pitch('G'), pitch('A'), pitch('B'), pitch('C', 5), pitch('D', 5), pitch('E', 5), pitch('F', 5, 1), pitch('G', 5)];
  const state = stateAfter([createScore(), ...quarters(1, gMajor.slice(0, 4), 0), ...quarters(2, gMajor.slice(4), 4)]);

  it('should find G major in a G major scale, with the other keys as alternatives', () => {
    const detected = passageKey(state, {});

    expect(detected.key).toEqual({ fifths: 1, mode: 'major' });
    expect(detected.alternatives).toHaveLength(23);
  });

  it('should read only the measures asked for, and refuse a range that runs backwards', () => {
    expect(() => passageKey(state, { fromMeasureId: M[3] })).toThrow(code('NOT_ENOUGH_NOTES'));
    expect(() => passageKey(state, { fromMeasureId: M[2], toMeasureId: M[1] })).toThrow(code('ANALYSIS_INPUT_MUST_BE_VALID'));
    expect(() => passageKey(state, { partIds: ['no-such-part'] })).toThrow(code('REFERENCED_ELEMENT_MUST_EXIST'));
    expect(() => passageKey(initialScoreState(), {})).toThrow(code('SCORE_MUST_EXIST'));
  });
});

describe('chord suggestions for a part', () => {
  const melody: ScoreCommand[] = [
    ...quarters(0, [pitch('C', 5), pitch('E', 5), pitch('G', 5), pitch('E', 5)], 0),
    ...quarters(1, [pitch('F', 5), pitch('A', 5), pitch('C', 6), pitch('A', 5)], 4),
    ...quarters(2, [pitch('G', 5), pitch('B', 5), pitch('D', 5), pitch('F', 5)], 8),
    writeNote(E[12], f(0), whole, [pitch('C', 5)], { measureId: M[3] }),
  ];

  it('should suggest one chord per bar in the key signature in force, located by measure and bar number', () => {
    const { key, suggestions } = passageChords(stateAfter([createScore(), ...melody]), { partId: PART_1 }, 'bar');

    expect(key).toEqual({ fifths: 0, mode: 'major' });
    expect(suggestions.map((s) => formatChordSymbol(s.chord))).toEqual(['C', 'F', 'G7', 'C']);
    expect(suggestions.map((s) => [s.measureId, s.bar])).toEqual([[M[0], 1], [M[1], 2], [M[2], 3], [M[3], 4]]);
  });

  it('should choose in the key in force where the passage starts, one chord per beat when asked', () => {
    const state = stateAfter([createScore(), ...melody, cmd('SetKeySignature', { measureId: M[1], keySignature: { fifths: -1, mode: 'major' } })]);

    const { key, suggestions } = passageChords(state, { partId: PART_1, fromMeasureId: M[1], toMeasureId: M[1] }, 'beat');

    expect(key).toEqual({ fifths: -1, mode: 'major' });
    expect(suggestions.map((s) => s.offset)).toEqual([f(0), f(1, 4), f(1, 2), f(3, 4)]);
    expect(() => passageChords(state, { partId: 'no-such-part' }, 'bar')).toThrow(code('REFERENCED_ELEMENT_MUST_EXIST'));
  });
});
