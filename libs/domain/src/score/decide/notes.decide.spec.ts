import type { ActiveScoreState, ChordEntry, Duration, RestEntry, VoiceEntry } from '../../index';
import { cmd, E, eighth, f, given, half, history, M, noteIdFor, PART_1, pitch, quarter, triplet, writeNote } from '../../testing';

const at = { partId: PART_1, staff: 1 as const, measureId: M[0], voice: 1 as const };
const rest = (id: string, duration: Duration): RestEntry => ({ kind: 'rest', id, duration });
const chord = (id: string, duration: Duration, pitches = [pitch('C')]): ChordEntry => ({
  kind: 'chord',
  id,
  duration,
  notes: pitches.map((p, i) => ({ id: noteIdFor(id, i + 1), pitch: p, tie: false })),
  articulations: [],
  lyrics: [],
});
const voiceOf = (s: ActiveScoreState, voice = 1): VoiceEntry[] => s.measures[0].content[PART_1].staves[0].voices[voice - 1];
const shape = (entries: VoiceEntry[]) => entries.map((e) => `${e.kind}:${e.duration.type}${e.duration.tuplet ? '/3' : ''}`);

/** A measure holding a quarter note E0 at 0, then the rests note input leaves: a quarter and a half. */
const quarterThenRests = () => history(writeNote(E[0], f(0), quarter));

describe('WriteNote', () => {
  it('should write a note into an empty measure and fill the rest of it with rests', () => {
    given(history())
      .when(writeNote(E[0], f(1, 4), quarter, [pitch('E')]))
      .then([
        {
          type: 'NoteWritten',
          data: {
            ...at,
            entryId: E[0],
            offset: f(1, 4),
            afterEntryId: null,
            removed: [],
            inserted: [rest(`${E[0]}:1`, quarter), chord(E[0], quarter, [pitch('E')]), rest(`${E[0]}:2`, half)],
          },
        },
      ]);
  });

  it('should cut into a longer rest and fill what it leaves on both sides', () => {
    given(quarterThenRests())
      .when(writeNote(E[1], f(5, 8), eighth, [pitch('G')]))
      .then([
        {
          type: 'NoteWritten',
          data: {
            ...at,
            entryId: E[1],
            offset: f(5, 8),
            afterEntryId: `${E[0]}:1`,
            removed: [rest(`${E[0]}:2`, half)],
            inserted: [rest(`${E[1]}:1`, eighth), chord(E[1], eighth, [pitch('G')]), rest(`${E[1]}:2`, quarter)],
          },
        },
      ]);
  });

  it('should overwrite the entries under a longer note', () => {
    given(quarterThenRests())
      .when(writeNote(E[1], f(0), half, [pitch('D')]))
      .then([
        {
          type: 'NoteWritten',
          data: { ...at, entryId: E[1], offset: f(0), afterEntryId: null, removed: [chord(E[0], quarter), rest(`${E[0]}:1`, quarter)], inserted: [chord(E[1], half, [pitch('D')])] },
        },
      ]);
  });

  it('should write chords and rests', () => {
    const withChord = given(history()).when(writeNote(E[0], f(0), half, [pitch('C'), pitch('E'), pitch('G')])).state() as ActiveScoreState;
    expect(voiceOf(withChord)[0]).toEqual(chord(E[0], half, [pitch('C'), pitch('E'), pitch('G')]));
    const withRest = given(history()).when(writeNote(E[0], f(0), half, [])).state() as ActiveScoreState;
    expect(voiceOf(withRest)).toEqual([rest(E[0], half), rest(`${E[0]}:1`, half)]);
  });

  it('should write into any of four voices independently', () => {
    const state = given(quarterThenRests()).when(writeNote(E[1], f(1, 2), half, [pitch('A', 3)], { voice: 2 })).state() as ActiveScoreState;
    expect(shape(voiceOf(state, 1))).toEqual(['chord:quarter', 'rest:quarter', 'rest:half']);
    expect(shape(voiceOf(state, 2))).toEqual(['rest:half', 'chord:half']);
  });

  it('should write a tuplet value as a whole group: the note, then rests of the same value', () => {
    const state = given(history()).when(writeNote(E[0], f(0), triplet('eighth'))).state() as ActiveScoreState;
    expect(shape(voiceOf(state))).toEqual(['chord:eighth/3', 'rest:eighth/3', 'rest:eighth/3', 'rest:quarter', 'rest:half']);
  });

  it('should write into an existing group of the same tuplet, one slot at a time', () => {
    const before = history(writeNote(E[0], f(0), triplet('eighth')));
    const [event] = given(before).when(writeNote(E[1], f(1, 12), triplet('eighth'), [pitch('D')])).events();
    expect(event.data).toMatchObject({ afterEntryId: E[0], removed: [{ id: `${E[0]}:1` }], inserted: [{ id: E[1] }] });
  });

  it('should fill the rest of a group with its own tuplet rests when a longer tuplet value overwrites', () => {
    const before = history(writeNote(E[0], f(0), triplet('eighth')));
    const state = given(before).when(writeNote(E[1], f(1, 6), triplet('quarter'), [pitch('D')])).state() as ActiveScoreState;
    expect(shape(voiceOf(state))).toEqual(['chord:eighth/3', 'rest:eighth/3', 'chord:quarter/3', 'rest:quarter/3', 'rest:half']);
  });

  it('should fill the empty end of a voice that a shorter bar left, up to the new note', () => {
    const before = history(
      writeNote(E[0], f(0), quarter),
      cmd('SetTimeSignature', { measureId: M[0], timeSignature: { beats: 3, beatType: 8 } }),
      cmd('SetTimeSignature', { measureId: M[0], timeSignature: { beats: 4, beatType: 4 } }),
    );
    const state = given(before).when(writeNote(E[1], f(1, 2), eighth)).state() as ActiveScoreState;
    expect(shape(voiceOf(state))).toEqual(['chord:quarter', 'rest:quarter', 'chord:eighth', 'rest:eighth', 'rest:quarter']);
  });

  it.each<[string, ReturnType<typeof writeNote>, string]>([
    ['a note running past the barline', writeNote(E[0], f(3, 4), half), 'NOTE_MUST_FIT_IN_MEASURE'],
    ['an offset at the barline', writeNote(E[0], f(1), eighth), 'NOTE_MUST_FIT_IN_MEASURE'],
    ['a tuplet group running past the barline', writeNote(E[0], f(7, 8), triplet('eighth')), 'NOTE_MUST_FIT_IN_MEASURE'],
    ['voice 5', writeNote(E[0], f(0), quarter, [pitch('C')], { voice: 5 }), 'VOICE_MUST_BE_ONE_TO_FOUR'],
    ['voice 0', writeNote(E[0], f(0), quarter, [pitch('C')], { voice: 0 }), 'VOICE_MUST_BE_ONE_TO_FOUR'],
    ['a second staff on a one-staff part', writeNote(E[0], f(0), quarter, [pitch('C')], { staff: 2 }), 'STAFF_MUST_EXIST_IN_PART'],
    ['three dots', writeNote(E[0], f(0), { type: 'quarter', dots: 3 }), 'DURATION_MUST_BE_VALID'],
    ['a breve', writeNote(E[0], f(0), { type: 'breve' as never, dots: 0 }), 'DURATION_MUST_BE_VALID'],
    ['a tuplet of 0', writeNote(E[0], f(0), { type: 'eighth', dots: 0, tuplet: { actual: 0, normal: 2 } }), 'DURATION_MUST_BE_VALID'],
    ['a pitch above MIDI 127', writeNote(E[0], f(0), quarter, [pitch('A', 9)]), 'PITCH_MUST_BE_WITHIN_MIDI_RANGE'],
    ['a triple sharp', writeNote(E[0], f(0), quarter, [{ step: 'C', alter: 3 as never, octave: 4 }]), 'PITCH_MUST_BE_WITHIN_MIDI_RANGE'],
    ['a malformed entry id', writeNote('note-1', f(0), quarter, [pitch('C')], {}, [E[9]]), 'ID_MUST_BE_WELL_FORMED'],
    ['a malformed note id', writeNote(E[0], f(0), quarter, [pitch('C')], {}, ['n1']), 'ID_MUST_BE_WELL_FORMED'],
    ['the same pitch twice in a chord', writeNote(E[0], f(0), quarter, [pitch('C'), pitch('C')]), 'CHORD_PITCHES_MUST_BE_DISTINCT'],
    ['an offset that is not a fraction', writeNote(E[0], 0.25 as never, quarter), 'FIELD_MUST_BE_VALID'],
    ['an unknown measure', writeNote(E[0], f(0), quarter, [pitch('C')], { measureId: M[9] }), 'REFERENCED_ELEMENT_MUST_EXIST'],
    ['an unknown part', writeNote(E[0], f(0), quarter, [pitch('C')], { partId: M[9] }), 'REFERENCED_ELEMENT_MUST_EXIST'],
    ['a gap only a 128th rest could fill', writeNote(E[0], f(0), { type: '32nd', dots: 2 }), 'GAP_MUST_BE_FILLABLE_WITH_RESTS'],
  ])('should reject %s', (_what, command, code) => {
    given(history()).when(command).thenThrows(code);
  });

  it('should reject ids already used in the measure (IDS_MUST_BE_UNIQUE)', () => {
    given(quarterThenRests()).when(writeNote(E[0], f(1, 2), quarter)).thenThrows('IDS_MUST_BE_UNIQUE');
    given(quarterThenRests()).when(writeNote(E[1], f(1, 2), quarter, [pitch('C')], {}, [noteIdFor(E[0])])).thenThrows('IDS_MUST_BE_UNIQUE');
  });

  it('should refuse to break a tuplet group (TUPLET_MUST_BE_COMPLETE)', () => {
    given(history(writeNote(E[0], f(0), triplet('eighth')))).when(writeNote(E[1], f(1, 12), eighth)).thenThrows('TUPLET_MUST_BE_COMPLETE');
  });

  it('should reject a note list that is not a list (FIELD_MUST_BE_VALID)', () => {
    given(history()).when(cmd('WriteNote', { ...at, offset: f(0), entryId: E[0], duration: quarter, notes: 'C4' as never })).thenThrows('FIELD_MUST_BE_VALID');
  });
});

describe('DeleteNote', () => {
  it('should turn a chord into a rest of the same length and id', () => {
    const events = given(quarterThenRests())
      .when(cmd('DeleteNote', { ...at, entryId: E[0] }))
      .then([{ type: 'NoteDeleted', data: { ...at, entryId: E[0], deleted: chord(E[0], quarter) } }]);
    expect(events).toHaveLength(1);
    const state = given(quarterThenRests()).when(cmd('DeleteNote', { ...at, entryId: E[0] })).state() as ActiveScoreState;
    expect(voiceOf(state)[0]).toEqual(rest(E[0], quarter));
  });

  it('should do nothing to a rest', () => {
    given(quarterThenRests()).when(cmd('DeleteNote', { ...at, entryId: `${E[0]}:1` })).then([]);
  });

  it('should reject an unknown entry (REFERENCED_ELEMENT_MUST_EXIST)', () => {
    given(quarterThenRests()).when(cmd('DeleteNote', { ...at, entryId: E[5] })).thenThrows('REFERENCED_ELEMENT_MUST_EXIST');
  });
});

describe('ChangeDuration', () => {
  const seed = E[20];

  it('should shorten an entry and leave rests where it ended', () => {
    const before = history(writeNote(E[0], f(0), half));
    given(before)
      .when(cmd('ChangeDuration', { ...at, entryId: E[0], duration: quarter, restIdSeed: seed }))
      .then([
        {
          type: 'DurationChanged',
          data: {
            ...at,
            entryId: E[0],
            offset: f(0),
            from: half,
            to: quarter,
            afterEntryId: null,
            removed: [chord(E[0], half)],
            inserted: [chord(E[0], quarter), rest(`${seed}:1`, quarter)],
          },
        },
      ]);
  });

  it('should lengthen an entry over what follows, keeping its pitches and marks', () => {
    const before = history(writeNote(E[0], f(0), quarter), cmd('SetArticulation', { ...at, entryId: E[0], articulation: 'accent', present: true }));
    const state = given(before).when(cmd('ChangeDuration', { ...at, entryId: E[0], duration: half, restIdSeed: seed })).state() as ActiveScoreState;
    expect(voiceOf(state)).toEqual([{ ...chord(E[0], half), articulations: ['accent'] }, rest(`${E[0]}:2`, half)]);
  });

  it('should change the length of a rest too, and do nothing for the same duration', () => {
    const events = given(quarterThenRests()).when(cmd('ChangeDuration', { ...at, entryId: `${E[0]}:1`, duration: eighth, restIdSeed: seed })).events();
    expect(events[0].data).toMatchObject({ inserted: [rest(`${E[0]}:1`, eighth), rest(`${seed}:1`, eighth)] });
    given(quarterThenRests()).when(cmd('ChangeDuration', { ...at, entryId: E[0], duration: quarter, restIdSeed: seed })).then([]);
  });

  it('should reject a duration that runs past the barline (NOTE_MUST_FIT_IN_MEASURE)', () => {
    given(quarterThenRests()).when(cmd('ChangeDuration', { ...at, entryId: `${E[0]}:2`, duration: { type: 'whole', dots: 0 }, restIdSeed: seed })).thenThrows('NOTE_MUST_FIT_IN_MEASURE');
  });

  it('should require a well-formed seed for the rests it makes (ID_MUST_BE_WELL_FORMED)', () => {
    given(quarterThenRests()).when(cmd('ChangeDuration', { ...at, entryId: E[0], duration: eighth, restIdSeed: 'r' })).thenThrows('ID_MUST_BE_WELL_FORMED');
  });

  it('should refuse rest ids already used in the measure (IDS_MUST_BE_UNIQUE)', () => {
    given(quarterThenRests()).when(cmd('ChangeDuration', { ...at, entryId: E[0], duration: eighth, restIdSeed: E[0] })).thenThrows('IDS_MUST_BE_UNIQUE');
  });
});
