import {
  clefAt,
  contentEnd,
  defaultClef,
  entryOffsets,
  initialScoreState,
  isActiveScore,
  keySignatureAt,
  measureLengthAt,
  timeSignatureAt,
  type ActiveScoreState,
} from '../../index';
import { cmd, createScore, E, eighth, f, M, PART_1, PIANO, quarter, run, writeNote } from '../../testing';

const score = run([
  createScore({ pickup: f(1, 4) }),
  cmd('AddPart', { partId: PIANO, instrumentId: 'piano' }),
  cmd('SetTimeSignature', { measureId: M[2], timeSignature: { beats: 3, beatType: 4 } }),
  cmd('SetKeySignature', { measureId: M[1], keySignature: { fifths: -1, mode: 'minor' } }),
  cmd('SetClef', { partId: PART_1, staff: 1, measureId: M[2], clef: { sign: 'C', line: 3 } }),
  writeNote(E[0], f(1, 4), eighth, [], { measureId: M[1] }),
]).state as ActiveScoreState;

describe('attributes in force', () => {
  it('should find the time signature, key and length in force at each measure', () => {
    expect([0, 1, 2, 3].map((i) => timeSignatureAt(score, i).beats)).toEqual([4, 4, 3, 3]);
    expect([0, 1, 2, 3].map((i) => keySignatureAt(score, i).fifths)).toEqual([0, -1, -1, -1]);
    expect([0, 1, 2, 3].map((i) => measureLengthAt(score, i))).toEqual([f(1, 4), f(1), f(3, 4), f(3, 4)]);
  });

  it('should find the clef in force, falling back to the instrument\'s clef for each staff', () => {
    const part = score.parts[0];
    expect([1, 2].map((i) => clefAt(score, part, 1, i))).toEqual([{ sign: 'G', line: 2 }, { sign: 'C', line: 3 }]);
    expect(clefAt(score, score.parts[1], 2, 3)).toEqual({ sign: 'F', line: 4 });
    expect(defaultClef({ ...part, instrumentId: 'no-such-instrument' }, 1)).toEqual({ sign: 'G', line: 2 });
  });
});

describe('voice offsets', () => {
  it('should give where each entry starts and where the voice ends', () => {
    const voice = score.measures[1].content[PART_1].staves[0].voices[0];
    expect(entryOffsets(voice)).toEqual([f(0), f(1, 4), f(3, 8), f(1, 2)]);
    expect(contentEnd(voice)).toEqual(f(1));
    expect(contentEnd([])).toEqual(f(0));
    expect(quarter.type).toBe('quarter');
  });
});

describe('score state', () => {
  it('should tell an active score from the empty state', () => {
    expect(isActiveScore(score)).toBe(true);
    expect(isActiveScore(initialScoreState())).toBe(false);
  });
});
