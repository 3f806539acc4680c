import { formatChordSymbol, writtenScore, type ActiveScoreState, type ScoreCommand } from '../index';
import { cmd, createScore, E, f, M, PART_1, PART_2, PIANO, pitch, quarter, run, writeNote } from '../testing';

const stateAfter = (commands: ScoreCommand[]): ActiveScoreState => run(commands).state as ActiveScoreState;
const notesOf = (s: ActiveScoreState, partId: string, measure = 0) =>
  s.measures[measure].content[partId].staves[0].voices[0].flatMap((e) => (e.kind === 'chord' ? e.notes.map((n) => n.pitch) : []));

describe('the score in written pitch', () => {
  const bFlatConcert = stateAfter([
    createScore({ keySignature: { fifths: -2, mode: 'major' } }),
    cmd('AddPart', { partId: PIANO, instrumentId: 'flute' }),
    writeNote(E[0], f(0), quarter, [pitch('B', 4, -1), pitch('D', 5)]),
    writeNote(E[1], f(0), quarter, [pitch('B', 4, -1)], { partId: PIANO }),
    cmd('SetChordSymbol', { partId: PART_1, measureId: M[0], offset: f(0), chordSymbolId: E[2], symbol: { root: { step: 'B', alter: -1 }, kind: 'major' } }),
  ]);

  it('should write a B♭ trumpet a major second up, in its own key, chord symbols included', () => {
    const { document, keys } = writtenScore(bFlatConcert);

    expect(notesOf(document, PART_1)).toEqual([pitch('C', 5), pitch('E', 5)]);
    expect(formatChordSymbol(document.measures[0].content[PART_1].chordSymbols[0].symbol)).toBe('C');
    expect(keys[PART_1]).toEqual([{ measureId: M[0], key: { fifths: 0, mode: 'major' } }]);
  });

  it('should leave a part in C as it is, sharing it with the concert document', () => {
    const { document, keys } = writtenScore(bFlatConcert);

    expect(document.measures[0].content[PIANO]).toBe(bFlatConcert.measures[0].content[PIANO]);
    expect(keys[PIANO]).toEqual([{ measureId: M[0], key: { fifths: -2, mode: 'major' } }]);
    expect(notesOf(bFlatConcert, PART_1)).toEqual([pitch('B', 4, -1), pitch('D', 5)]);
  });

  it('should respell a written key past seven sharps, and its notes with it, at each key change', () => {
    const state = stateAfter([
      createScore({ parts: [{ partId: PART_2, instrumentId: 'alto-sax' }] }),
      cmd('SetKeySignature', { measureId: M[2], keySignature: { fifths: 5, mode: 'major' } }),
      writeNote(E[0], f(0), quarter, [pitch('B', 4), pitch('B', 4, -2)], { partId: PART_2, measureId: M[2] }),
    ]);

    const { document, keys } = writtenScore(state);

    // Concert B major on an alto sax would be G♯ major (8 sharps): A♭ major is written, and B sounds as A♭.
    expect(keys[PART_2]).toEqual([{ measureId: M[0], key: { fifths: 3, mode: 'major' } }, { measureId: M[2], key: { fifths: -4, mode: 'major' } }]);
    // B𝄫 would need a triple flat: the same sound is spelt as A♭ major spells it.
    expect(notesOf(document, PART_2, 2)).toEqual([pitch('A', 5, -1), pitch('G', 5, -1)]);
  });

  it('should keep the sounding pitch of a note whose written pitch would leave the MIDI range, and skip unknown instruments', () => {
    const state = stateAfter([
      createScore({ parts: [{ partId: PART_2, instrumentId: 'double-bass' }] }),
      writeNote(E[0], f(0), quarter, [pitch('G', 9), pitch('E', 2)], { partId: PART_2 }),
    ]);

    expect(notesOf(writtenScore(state).document, PART_2)).toEqual([pitch('G', 9), pitch('E', 3)]);
    const unknown = { ...state, parts: [{ ...state.parts[0], instrumentId: 'nose-flute' }] };
    expect(notesOf(writtenScore(unknown).document, PART_2)).toEqual([pitch('G', 9), pitch('E', 2)]);
  });
});
