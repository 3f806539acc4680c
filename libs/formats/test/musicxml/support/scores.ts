import { type ActiveScoreState, type ScoreCommand, scoreOf, type ScoreDocument } from '@bandpro/domain';
import { cmd, createScore, E, eighth, f, half, M, noteIdFor, PART_1, PART_2, PIANO, pitch, quarter, run, triplet, whole, writeNote } from '@bandpro/domain/testing';

/** Score documents built the way users build them: through the aggregate's commands. */
export function scoreFrom(commands: ScoreCommand[]): ScoreDocument {
  const { ownerId: _owner, createdAt: _created, ...doc } = scoreOf(run(commands).state as ActiveScoreState);
  return doc;
}

const trumpet = { partId: PART_1, staff: 1, voice: 1 };
const at = (measure: number, where: Partial<typeof trumpet> = {}) => ({ ...trumpet, measureId: M[measure], ...where });

/**
 * A trumpet in B♭, a piano and a drum kit over four measures of D major with something of everything
 * the model holds: tuplets, chords, ties, articulations, lyrics, slurs, dynamics, hairpins, texts, chord
 * symbols, a second voice, a clef change, tempo, rehearsal mark, repeats, a volta and a final barline.
 */
export function richScore(): ScoreDocument {
  const commands: ScoreCommand[] = [
    createScore({
      title: 'Rich & <strange> "score"',
      subtitle: 'for testing',
      arranger: 'Band',
      copyright: '© 2025',
      parts: [
        { partId: PART_1, instrumentId: 'trumpet-bb' },
        { partId: PIANO, instrumentId: 'piano' },
        { partId: PART_2, instrumentId: 'drum-set' },
      ],
      keySignature: { fifths: 2, mode: 'major' },
      tempo: { bpm: 96, beatUnit: { type: 'quarter', dots: 1 }, text: 'Allegro' },
    }),
    writeNote(E[0], f(0), quarter, [pitch('D', 4)], at(0)),
    writeNote(E[1], f(1, 4), triplet('eighth'), [pitch('F', 4, 1)], at(0)),
    writeNote(E[2], f(1, 3), triplet('eighth'), [pitch('G', 4)], at(0)),
    writeNote(E[3], f(5, 12), triplet('eighth'), [pitch('A', 4)], at(0)),
    writeNote(E[4], f(1, 2), half, [pitch('A', 4), pitch('D', 5)], at(0)),
    writeNote(E[5], f(0), whole, [pitch('A', 4)], at(1)),
    cmd('SetTie', { ...at(0), entryId: E[4], noteId: noteIdFor(E[4], 1), tied: true }),
    cmd('SetArticulation', { ...at(0), entryId: E[0], articulation: 'fermata', present: true }),
    cmd('SetArticulation', { ...at(0), entryId: E[0], articulation: 'accent', present: true }),
    cmd('SetLyric', { ...at(0), entryId: E[0], verse: 1, text: 'Hal', syllabic: 'begin' }),
    cmd('SetLyric', { ...at(0), entryId: E[1], verse: 1, text: 'le', syllabic: 'end' }),
    cmd('SetLyric', { ...at(0), entryId: E[1], verse: 2, text: 'lu', syllabic: 'single' }),
    cmd('AddSlur', { ...at(0), offset: f(0), slurId: E[10], end: { measureId: M[0], offset: f(5, 12) } }),
    cmd('AddSlur', { ...at(0), offset: f(1, 2), slurId: E[11], end: { measureId: M[1], offset: f(0) } }),
    cmd('SetDynamic', { ...at(0), offset: f(0), dynamicId: E[12], value: 'mf' }),
    cmd('AddHairpin', { ...at(0), offset: f(1, 2), hairpinId: E[13], kind: 'crescendo', end: { measureId: M[1], offset: f(1) } }),
    cmd('AddTextExpression', { ...at(0), offset: f(1, 4), textId: E[14], text: 'con sord. & <dolce>' }),
    cmd('SetChordSymbol', { partId: PART_1, measureId: M[0], offset: f(0), chordSymbolId: E[15], symbol: { root: { step: 'D', alter: 0 }, kind: 'major' } }),
    cmd('SetChordSymbol', { partId: PART_1, measureId: M[0], offset: f(1, 2), chordSymbolId: E[16], symbol: { root: { step: 'B', alter: -1 }, kind: 'dominant', text: '7', bass: { step: 'F', alter: 0 } } }),
    writeNote(E[20], f(0), quarter, [pitch('C', 5, 1)], at(1, { voice: 2 })),
    writeNote(E[21], f(0), whole, [pitch('D', 4), pitch('F', 4, 1)], at(0, { partId: PIANO })),
    writeNote(E[22], f(0), half, [pitch('D', 3)], at(0, { partId: PIANO, staff: 2 })),
    writeNote(E[23], f(1, 2), eighth, [pitch('A', 2)], at(0, { partId: PIANO, staff: 2 })),
    cmd('SetClef', { ...at(2, { partId: PIANO }), clef: { sign: 'F', line: 4 } }),
    cmd('SetDynamic', { ...at(0, { partId: PIANO, staff: 2 }), offset: f(1, 2), dynamicId: E[24], value: 'p' }),
    writeNote(E[25], f(0), quarter, [pitch('C', 2)], at(0, { partId: PART_2 })),
    writeNote(E[26], f(1, 4), quarter, [pitch('D', 2)], at(0, { partId: PART_2 })),
    writeNote(E[27], f(1, 2), half, [pitch('F', 2, 1), pitch('C', 2)], at(0, { partId: PART_2 })),
    cmd('SetRehearsalMark', { measureId: M[1], text: 'A' }),
    cmd('SetBarline', { measureId: M[1], side: 'start', style: 'repeat-start' }),
    cmd('SetVolta', { fromMeasureId: M[2], toMeasureId: M[2], numbers: [1, 2] }),
    cmd('SetBarline', { measureId: M[2], side: 'end', style: 'repeat-end' }),
    cmd('SetVolta', { fromMeasureId: M[3], toMeasureId: M[3], numbers: [3] }),
    cmd('SetBarline', { measureId: M[3], side: 'end', style: 'final' }),
    cmd('SetTimeSignature', { measureId: M[3], timeSignature: { beats: 3, beatType: 4 } }),
  ];
  return scoreFrom(commands);
}
