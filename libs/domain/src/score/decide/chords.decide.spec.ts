import { cmd, E, f, given, history, M, N, noteIdFor, PART_1, pitch, quarter, writeNote } from '../../testing';

const at = { partId: PART_1, staff: 1 as const, measureId: M[0], voice: 1 as const };
const on = (entryId = E[0]) => ({ ...at, entryId });
const C4 = pitch('C');
const E4 = pitch('E');
/** E0: a C4 quarter at 0; E1: a C4 quarter at 1/4; then a half rest. */
const twoNotes = () => history(writeNote(E[0], f(0), quarter, [C4]), writeNote(E[1], f(1, 4), quarter, [C4]));
const note0 = noteIdFor(E[0]);

describe('ChangePitch', () => {
  it('should change one note of a chord, recording the pitch it replaced', () => {
    given(twoNotes()).when(cmd('ChangePitch', { ...on(), noteId: note0, pitch: E4 })).then([
      { type: 'NotePitchChanged', data: { ...on(), noteId: note0, from: C4, to: E4 } },
    ]);
  });

  it('should do nothing for the same pitch', () => {
    given(twoNotes()).when(cmd('ChangePitch', { ...on(), noteId: note0, pitch: C4 })).then([]);
  });

  it('should reject a pitch the chord already holds (CHORD_PITCHES_MUST_BE_DISTINCT)', () => {
    const before = history(writeNote(E[0], f(0), quarter, [C4, E4]));
    given(before).when(cmd('ChangePitch', { ...on(), noteId: note0, pitch: E4 })).thenThrows('CHORD_PITCHES_MUST_BE_DISTINCT');
  });

  it('should reject a rest (ENTRY_MUST_BE_A_CHORD), an unknown note and an unknown entry (REFERENCED_ELEMENT_MUST_EXIST)', () => {
    given(twoNotes()).when(cmd('ChangePitch', { ...on(`${E[0]}:2`), noteId: note0, pitch: E4 })).thenThrows('ENTRY_MUST_BE_A_CHORD');
    given(twoNotes()).when(cmd('ChangePitch', { ...on(), noteId: N[9], pitch: E4 })).thenThrows('REFERENCED_ELEMENT_MUST_EXIST');
    given(twoNotes()).when(cmd('ChangePitch', { ...on(E[9]), noteId: note0, pitch: E4 })).thenThrows('REFERENCED_ELEMENT_MUST_EXIST');
  });

  it('should reject a pitch outside MIDI (PITCH_MUST_BE_WITHIN_MIDI_RANGE)', () => {
    given(twoNotes()).when(cmd('ChangePitch', { ...on(), noteId: note0, pitch: pitch('C', -2) })).thenThrows('PITCH_MUST_BE_WITHIN_MIDI_RANGE');
    given(twoNotes()).when(cmd('ChangePitch', { ...on(), noteId: note0, pitch: 'C4' as never })).thenThrows('PITCH_MUST_BE_WITHIN_MIDI_RANGE');
  });
});

describe('AddChordPitch / RemoveChordPitch', () => {
  it('should add a pitch at the end of the chord', () => {
    given(twoNotes()).when(cmd('AddChordPitch', { ...on(), noteId: N[5], pitch: E4 })).then([
      { type: 'ChordPitchAdded', data: { ...on(), note: { id: N[5], pitch: E4, tie: false }, index: 1 } },
    ]);
  });

  it('should reject a pitch already there (CHORD_PITCHES_MUST_BE_DISTINCT) and an id in use (IDS_MUST_BE_UNIQUE)', () => {
    given(twoNotes()).when(cmd('AddChordPitch', { ...on(), noteId: N[5], pitch: C4 })).thenThrows('CHORD_PITCHES_MUST_BE_DISTINCT');
    given(twoNotes()).when(cmd('AddChordPitch', { ...on(), noteId: E[1], pitch: E4 })).thenThrows('IDS_MUST_BE_UNIQUE');
  });

  it('should remove a pitch, recording it and its place', () => {
    const before = history(writeNote(E[0], f(0), quarter, [C4, E4]));
    const e4 = noteIdFor(E[0], 2);
    given(before).when(cmd('RemoveChordPitch', { ...on(), noteId: note0 })).then([
      { type: 'ChordPitchRemoved', data: { ...on(), note: { id: note0, pitch: C4, tie: false }, index: 0 } },
    ]);
    expect(e4).not.toBe(note0);
  });

  it('should keep the last pitch of a chord (CHORD_MUST_KEEP_AT_LEAST_ONE_PITCH)', () => {
    given(twoNotes()).when(cmd('RemoveChordPitch', { ...on(), noteId: note0 })).thenThrows('CHORD_MUST_KEEP_AT_LEAST_ONE_PITCH');
  });
});

describe('SetTie', () => {
  it('should tie a note to the same pitch that follows in its voice, and untie it', () => {
    given(twoNotes()).when(cmd('SetTie', { ...on(), noteId: note0, tied: true })).then([{ type: 'TieAdded', data: { ...on(), noteId: note0 } }]);
    const tied = history(writeNote(E[0], f(0), quarter, [C4]), writeNote(E[1], f(1, 4), quarter, [C4]), cmd('SetTie', { ...on(), noteId: note0, tied: true }));
    given(tied).when(cmd('SetTie', { ...on(), noteId: note0, tied: false })).then([{ type: 'TieRemoved', data: { ...on(), noteId: note0 } }]);
    given(tied).when(cmd('SetTie', { ...on(), noteId: note0, tied: true })).then([]);
  });

  it('should tie across the barline to the first note of the next measure', () => {
    const before = history(writeNote(E[0], f(3, 4), quarter, [C4]), writeNote(E[1], f(0), quarter, [pitch('B', 3, 1)], { measureId: M[1] }));
    given(before).when(cmd('SetTie', { ...on(), noteId: note0, tied: true })).then([{ type: 'TieAdded', data: { ...on(), noteId: note0 } }]);
  });

  it('should refuse a tie to another pitch, a rest or nothing (TIE_MUST_CONNECT_EQUAL_PITCHES)', () => {
    const other = history(writeNote(E[0], f(0), quarter, [C4]), writeNote(E[1], f(1, 4), quarter, [E4]));
    given(other).when(cmd('SetTie', { ...on(), noteId: note0, tied: true })).thenThrows('TIE_MUST_CONNECT_EQUAL_PITCHES');
    given(history(writeNote(E[0], f(0), quarter, [C4]))).when(cmd('SetTie', { ...on(), noteId: note0, tied: true })).thenThrows('TIE_MUST_CONNECT_EQUAL_PITCHES');
    const last = history(writeNote(E[0], f(3, 4), quarter, [C4], { measureId: M[3] }));
    given(last).when(cmd('SetTie', { ...on(), measureId: M[3], noteId: note0, tied: true })).thenThrows('TIE_MUST_CONNECT_EQUAL_PITCHES');
  });

  it('should reject a tie flag that is not a boolean (FIELD_MUST_BE_VALID)', () => {
    given(twoNotes()).when(cmd('SetTie', { ...on(), noteId: note0, tied: 'yes' as never })).thenThrows('FIELD_MUST_BE_VALID');
  });
});

describe('SetArticulation', () => {
  it('should add and remove an articulation, recording its place', () => {
    given(twoNotes()).when(cmd('SetArticulation', { ...on(), articulation: 'staccato', present: true })).then([
      { type: 'ArticulationAdded', data: { ...on(), articulation: 'staccato', index: 0 } },
    ]);
    const marked = history(
      writeNote(E[0], f(0), quarter),
      cmd('SetArticulation', { ...on(), articulation: 'accent', present: true }),
      cmd('SetArticulation', { ...on(), articulation: 'fermata', present: true }),
    );
    given(marked).when(cmd('SetArticulation', { ...on(), articulation: 'fermata', present: false })).then([
      { type: 'ArticulationRemoved', data: { ...on(), articulation: 'fermata', index: 1 } },
    ]);
    given(marked).when(cmd('SetArticulation', { ...on(), articulation: 'accent', present: true })).then([]);
    given(marked).when(cmd('SetArticulation', { ...on(), articulation: 'tenuto', present: false })).then([]);
  });

  it('should reject an unknown articulation (FIELD_MUST_BE_VALID) and a rest (ENTRY_MUST_BE_A_CHORD)', () => {
    given(twoNotes()).when(cmd('SetArticulation', { ...on(), articulation: 'trill' as never, present: true })).thenThrows('FIELD_MUST_BE_VALID');
    given(twoNotes()).when(cmd('SetArticulation', { ...on(`${E[0]}:2`), articulation: 'accent', present: true })).thenThrows('ENTRY_MUST_BE_A_CHORD');
  });
});

describe('SetLyric / ClearLyric', () => {
  const la = { verse: 1, text: 'la', syllabic: 'single' as const };

  it('should set a lyric in a verse, replace it, and clear it', () => {
    given(twoNotes()).when(cmd('SetLyric', { ...on(), verse: 1, text: 'la' })).then([{ type: 'LyricSet', data: { ...on(), from: null, to: la } }]);
    const sung = history(writeNote(E[0], f(0), quarter), cmd('SetLyric', { ...on(), verse: 1, text: 'la' }));
    given(sung).when(cmd('SetLyric', { ...on(), verse: 1, text: 'Hal', syllabic: 'begin' })).then([
      { type: 'LyricSet', data: { ...on(), from: la, to: { verse: 1, text: 'Hal', syllabic: 'begin' } } },
    ]);
    given(sung).when(cmd('SetLyric', { ...on(), verse: 1, text: 'la' })).then([]);
    given(sung).when(cmd('ClearLyric', { ...on(), verse: 1 })).then([{ type: 'LyricCleared', data: { ...on(), lyric: la } }]);
    given(sung).when(cmd('ClearLyric', { ...on(), verse: 2 })).then([]);
  });

  it('should keep several verses in order', () => {
    const state = given(history(writeNote(E[0], f(0), quarter), cmd('SetLyric', { ...on(), verse: 3, text: 'c' })))
      .when(cmd('SetLyric', { ...on(), verse: 1, text: 'a' }))
      .state();
    expect(state.status === 'active' && state.measures[0].content[PART_1].staves[0].voices[0][0]).toMatchObject({ lyrics: [{ verse: 1 }, { verse: 3 }] });
  });

  it.each([
    ['verse 0', { verse: 0, text: 'la' }],
    ['verse 11', { verse: 11, text: 'la' }],
    ['an empty syllable', { verse: 1, text: '' }],
    ['an unknown syllabic', { verse: 1, text: 'la', syllabic: 'start' }],
  ])('should reject %s (FIELD_MUST_BE_VALID)', (_what, data) => {
    given(twoNotes()).when(cmd('SetLyric', { ...on(), ...(data as { verse: number; text: string }) })).thenThrows('FIELD_MUST_BE_VALID');
  });

  it('should refuse lyrics on a rest (ENTRY_MUST_BE_A_CHORD)', () => {
    given(twoNotes()).when(cmd('SetLyric', { ...on(`${E[0]}:2`), verse: 1, text: 'la' })).thenThrows('ENTRY_MUST_BE_A_CHORD');
    given(twoNotes()).when(cmd('ClearLyric', { ...on(`${E[0]}:2`), verse: 1 })).thenThrows('ENTRY_MUST_BE_A_CHORD');
  });
});
