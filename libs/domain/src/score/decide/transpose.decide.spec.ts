import type { ActiveScoreState, SelectionTransposed, Selection } from '../../index';
import { cmd, createScore, E, f, given, history, M, noteIdFor, PART_1, PART_2, pitch, quarter, run, writeNote } from '../../testing';

const M2 = { diatonic: 1, chromatic: 2 };
const A1 = { diatonic: 0, chromatic: 1 };
const C7 = { root: { step: 'C' as const, alter: 0 as const }, kind: 'dominant' as const };
const part1 = (from = M[0], to = M[3]): Selection => ({ partIds: [PART_1], fromMeasureId: from, toMeasureId: to });
const transpose = (selection: Selection, interval = M2, keepChordSymbols?: boolean) =>
  cmd('TransposeSelection', { selection, interval, ...(keepChordSymbols === undefined ? {} : { keepChordSymbols }) });
const voiceAt = { partId: PART_1, staff: 1 as const, measureId: M[0], voice: 1 as const };

describe('TransposeSelection', () => {
  const before = () =>
    history(
      writeNote(E[0], f(0), quarter, [pitch('C'), pitch('E')]),
      cmd('SetChordSymbol', { partId: PART_1, measureId: M[0], offset: f(0), chordSymbolId: E[5], symbol: C7 }),
    );

  it('should transpose the notes and chord symbols of the selected parts and measures, recording every change', () => {
    given(before())
      .when(transpose(part1(M[0], M[1])))
      .then([
        {
          type: 'SelectionTransposed',
          data: {
            selection: { partIds: [PART_1], fromMeasureId: M[0], toMeasureId: M[1], staves: null, voices: null },
            interval: M2,
            voices: [
              {
                ...voiceAt,
                changes: [
                  { entryId: E[0], noteId: noteIdFor(E[0], 1), from: pitch('C'), to: pitch('D') },
                  { entryId: E[0], noteId: noteIdFor(E[0], 2), from: pitch('E'), to: pitch('F', 4, 1) },
                ],
              },
            ],
            chordSymbols: [{ partId: PART_1, measureId: M[0], chordSymbolId: E[5], from: C7, to: { ...C7, root: { step: 'D', alter: 0 } } }],
            keySignatures: [],
          },
        },
      ]);
  });

  it('should leave chord symbols alone when asked to keep them', () => {
    const [event] = given(before()).when(transpose(part1(M[0], M[1]), M2, true)).events() as SelectionTransposed[];
    expect(event.data.chordSymbols).toEqual([]);
    expect(event.data.voices).toHaveLength(1);
  });

  it('should move the key signatures too when the whole score is selected', () => {
    const [event] = given(before()).when(transpose(part1())).events() as SelectionTransposed[];
    expect(event.data.keySignatures).toEqual([{ measureId: M[0], from: { fifths: 0, mode: 'major' }, to: { fifths: 2, mode: 'major' } }]);
  });

  it('should respell a key past seven sharps and spell its notes to match (B major up an augmented unison is C major)', () => {
    const events = run([
      createScore({ keySignature: { fifths: 0, mode: 'major' } }),
      cmd('SetKeySignature', { measureId: M[2], keySignature: { fifths: 5, mode: 'major' } }),
      writeNote(E[0], f(0), quarter, [pitch('C')]),
      writeNote(E[1], f(0), quarter, [pitch('B')], { measureId: M[2] }),
    ]).events;
    const state = given(events).when(transpose(part1(), A1)).state() as ActiveScoreState;
    expect(state.measures[0].keySignature).toEqual({ fifths: 7, mode: 'major' });
    expect(state.measures[2].keySignature).toEqual({ fifths: 0, mode: 'major' });
    expect(state.measures[0].content[PART_1].staves[0].voices[0][0]).toMatchObject({ notes: [{ pitch: pitch('C', 4, 1) }] });
    expect(state.measures[2].content[PART_1].staves[0].voices[0][0]).toMatchObject({ notes: [{ pitch: pitch('C', 5) }] });
  });

  it('should leave keys alone when only some parts are selected', () => {
    const twoParts = history(cmd('AddPart', { partId: PART_2, instrumentId: 'flute' }), writeNote(E[0], f(0), quarter));
    const [event] = given(twoParts).when(transpose(part1())).events() as SelectionTransposed[];
    expect(event.data.keySignatures).toEqual([]);
  });

  it('should narrow the selection to some voices', () => {
    const twoVoices = history(writeNote(E[0], f(0), quarter), writeNote(E[1], f(0), quarter, [pitch('G', 3)], { voice: 2 }));
    const [event] = given(twoVoices).when(transpose({ ...part1(), voices: [2], staves: [1] })).events() as SelectionTransposed[];
    expect(event.data.voices.map((v) => v.voice)).toEqual([2]);
    expect(event.data.selection).toMatchObject({ staves: [1], voices: [2] });
  });

  it('should do nothing for a unison or a selection without notes or chord symbols', () => {
    given(before()).when(transpose(part1(), { diatonic: 0, chromatic: 0 })).then([]);
    given(before()).when(transpose(part1(M[2], M[3]))).then([]);
  });

  it('should refuse a note that would leave MIDI (TRANSPOSED_PITCH_MUST_BE_SPELLABLE)', () => {
    given(history(writeNote(E[0], f(0), quarter, [pitch('G', 9)]))).when(transpose(part1(M[0], M[0]))).thenThrows('TRANSPOSED_PITCH_MUST_BE_SPELLABLE');
  });

  it('should refuse a spelling past a double sharp (TRANSPOSED_PITCH_MUST_BE_SPELLABLE)', () => {
    const sharp = history(writeNote(E[0], f(0), quarter, [pitch('F', 4, 2)]));
    given(sharp).when(transpose(part1(M[0], M[0]), { diatonic: 0, chromatic: 1 })).thenThrows('TRANSPOSED_PITCH_MUST_BE_SPELLABLE');
  });

  it.each<[string, Selection, object, string]>([
    ['an interval of half a step', part1(), { diatonic: 0.5, chromatic: 1 }, 'INTERVAL_MUST_BE_VALID'],
    ['an interval of five octaves', part1(), { diatonic: 35, chromatic: 60 }, 'INTERVAL_MUST_BE_VALID'],
    ['no parts', { ...part1(), partIds: [] }, M2, 'FIELD_MUST_BE_VALID'],
    ['an unknown part', { ...part1(), partIds: [M[9]] }, M2, 'REFERENCED_ELEMENT_MUST_EXIST'],
    ['staff 3', { ...part1(), staves: [3] }, M2, 'FIELD_MUST_BE_VALID'],
    ['voice 5', { ...part1(), voices: [5] }, M2, 'VOICE_MUST_BE_ONE_TO_FOUR'],
    ['a backwards range', part1(M[3], M[0]), M2, 'MEASURE_RANGE_MUST_BE_ORDERED'],
  ])('should reject %s', (_what, selection, interval, code) => {
    given(before()).when(cmd('TransposeSelection', { selection, interval: interval as never })).thenThrows(code);
  });

  it('should reject a non-boolean keepChordSymbols (FIELD_MUST_BE_VALID)', () => {
    given(before()).when(cmd('TransposeSelection', { selection: part1(), interval: M2, keepChordSymbols: 'no' as never })).thenThrows('FIELD_MUST_BE_VALID');
  });

  describe('to a key', () => {
    const toKey = (fifths: number, direction?: string) =>
      cmd('TransposeSelection', { selection: part1(), toKey: { fifths, ...(direction === undefined ? {} : { direction }) } as never });

    it('should move the whole score from C major to E-flat major, the closest way (up a minor third)', () => {
      const [event] = given(before()).when(toKey(-3)).events() as SelectionTransposed[];
      expect(event.data.interval).toEqual({ diatonic: 2, chromatic: 3 });
      expect(event.data.keySignatures).toEqual([{ measureId: M[0], from: { fifths: 0, mode: 'major' }, to: { fifths: -3, mode: 'major' } }]);
      expect(event.data.voices[0].changes.map((c) => c.to)).toEqual([pitch('E', 4, -1), pitch('G')]);
    });

    it('should go down when asked (C to E-flat down a major sixth)', () => {
      const [event] = given(before()).when(toKey(-3, 'down')).events() as SelectionTransposed[];
      expect(event.data.interval).toEqual({ diatonic: -5, chromatic: -9 });
    });

    it('should start from the key in force at the selection, not the first measure', () => {
      const inD = history(cmd('SetKeySignature', { measureId: M[2], keySignature: { fifths: 2, mode: 'major' } }), writeNote(E[0], f(0), quarter, [pitch('D')], { measureId: M[2] }));
      const [event] = given(inD).when(cmd('TransposeSelection', { selection: part1(M[2], M[3]), toKey: { fifths: 3 } })).events() as SelectionTransposed[];
      expect(event.data.interval).toEqual({ diatonic: -3, chromatic: -5 }); // D to A: down a fourth is closer than up a fifth
      expect(event.data.voices[0].changes[0].to).toEqual(pitch('A', 3));
    });

    it.each<[string, object]>([
      ['both an interval and a key', { interval: M2, toKey: { fifths: 1 } }],
      ['neither an interval nor a key', {}],
      ['a key past seven sharps', { toKey: { fifths: 8 } }],
      ['a key that is not a number', { toKey: { fifths: 'G' } }],
      ['an unknown direction', { toKey: { fifths: 1, direction: 'sideways' } }],
    ])('should reject %s (FIELD_MUST_BE_VALID)', (_what, data) => {
      given(before()).when(cmd('TransposeSelection', { selection: part1(), ...data } as never)).thenThrows('FIELD_MUST_BE_VALID');
    });
  });
});
