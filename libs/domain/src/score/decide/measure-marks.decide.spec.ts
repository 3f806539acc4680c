import { cmd, given, history, M, PART_1, PIANO } from '../../testing';

const D_MAJOR = { fifths: 2, mode: 'major' as const };
const BASS = { sign: 'F' as const, line: 4 };
const TEMPO = { bpm: 132, beatUnit: { type: 'quarter' as const, dots: 0 }, text: 'Allegro' };

describe('SetKeySignature', () => {
  it('should change the key from a measure on, remove the change, and ignore a repeat', () => {
    given(history()).when(cmd('SetKeySignature', { measureId: M[2], keySignature: D_MAJOR })).then([
      { type: 'KeySignatureChanged', data: { measureId: M[2], from: null, to: D_MAJOR } },
    ]);
    const before = history(cmd('SetKeySignature', { measureId: M[2], keySignature: D_MAJOR }));
    given(before).when(cmd('SetKeySignature', { measureId: M[2], keySignature: null })).then([
      { type: 'KeySignatureChanged', data: { measureId: M[2], from: D_MAJOR, to: null } },
    ]);
    given(before).when(cmd('SetKeySignature', { measureId: M[2], keySignature: D_MAJOR })).then([]);
  });

  it('should change the opening key', () => {
    given(history()).when(cmd('SetKeySignature', { measureId: M[0], keySignature: D_MAJOR })).then([
      { type: 'KeySignatureChanged', data: { measureId: M[0], from: { fifths: 0, mode: 'major' }, to: D_MAJOR } },
    ]);
  });

  it('should keep the first measure\'s key (FIRST_MEASURE_MUST_HAVE_TIME_AND_KEY_SIGNATURE)', () => {
    given(history()).when(cmd('SetKeySignature', { measureId: M[0], keySignature: null })).thenThrows('FIRST_MEASURE_MUST_HAVE_TIME_AND_KEY_SIGNATURE');
  });

  it('should reject an impossible key (KEY_SIGNATURE_MUST_BE_VALID)', () => {
    given(history()).when(cmd('SetKeySignature', { measureId: M[1], keySignature: { fifths: 2, mode: 'dorian' as never } })).thenThrows('KEY_SIGNATURE_MUST_BE_VALID');
  });
});

describe('SetClef', () => {
  it('should change the clef of one staff of one part, and remove it again', () => {
    given(history()).when(cmd('SetClef', { partId: PART_1, staff: 1, measureId: M[1], clef: BASS })).then([
      { type: 'ClefChanged', data: { partId: PART_1, staff: 1, measureId: M[1], from: null, to: BASS } },
    ]);
    const before = history(cmd('SetClef', { partId: PART_1, staff: 1, measureId: M[1], clef: BASS }));
    given(before).when(cmd('SetClef', { partId: PART_1, staff: 1, measureId: M[1], clef: null })).then([
      { type: 'ClefChanged', data: { partId: PART_1, staff: 1, measureId: M[1], from: BASS, to: null } },
    ]);
    given(before).when(cmd('SetClef', { partId: PART_1, staff: 1, measureId: M[1], clef: { ...BASS } })).then([]);
  });

  it('should address the lower staff of a two-staff part', () => {
    const before = history(cmd('AddPart', { partId: PIANO, instrumentId: 'piano' }));
    given(before).when(cmd('SetClef', { partId: PIANO, staff: 2, measureId: M[0], clef: { sign: 'G', line: 2 } })).then([
      { type: 'ClefChanged', data: { partId: PIANO, staff: 2, measureId: M[0], from: null, to: { sign: 'G', line: 2 } } },
    ]);
  });

  it('should reject a staff the part does not have (STAFF_MUST_EXIST_IN_PART)', () => {
    given(history()).when(cmd('SetClef', { partId: PART_1, staff: 2, measureId: M[1], clef: BASS })).thenThrows('STAFF_MUST_EXIST_IN_PART');
  });

  it.each([
    ['an unknown sign', { sign: 'X', line: 2 }],
    ['a sixth line', { sign: 'G', line: 6 }],
    ['a two-octave shift', { sign: 'G', line: 2, octaveChange: 2 }],
    ['no clef object', 'treble'],
  ])('should reject %s (CLEF_MUST_BE_VALID)', (_what, clef) => {
    given(history()).when(cmd('SetClef', { partId: PART_1, staff: 1, measureId: M[1], clef: clef as never })).thenThrows('CLEF_MUST_BE_VALID');
  });
});

describe('SetTempo', () => {
  it('should set a tempo mark, remove it, and ignore a repeat', () => {
    given(history()).when(cmd('SetTempo', { measureId: M[1], tempo: TEMPO })).then([{ type: 'TempoChanged', data: { measureId: M[1], from: null, to: TEMPO } }]);
    const before = history(cmd('SetTempo', { measureId: M[1], tempo: TEMPO }));
    given(before).when(cmd('SetTempo', { measureId: M[1], tempo: null })).then([{ type: 'TempoChanged', data: { measureId: M[1], from: TEMPO, to: null } }]);
    given(before).when(cmd('SetTempo', { measureId: M[1], tempo: TEMPO })).then([]);
  });

  it('should store a missing text as null', () => {
    const [event] = given(history()).when(cmd('SetTempo', { measureId: M[1], tempo: { bpm: 60, beatUnit: { type: 'half', dots: 0 } } as never })).events();
    expect(event.data).toMatchObject({ to: { bpm: 60, beatUnit: { type: 'half', dots: 0 }, text: null } });
  });

  it.each([
    ['1000 bpm', { ...TEMPO, bpm: 1000 }],
    ['a tuplet beat unit', { ...TEMPO, beatUnit: { type: 'triplet', dots: 0 } }],
    ['a double-dotted beat', { ...TEMPO, beatUnit: { type: 'quarter', dots: 2 } }],
    ['no beat unit', { bpm: 100 }],
  ])('should reject %s (TEMPO_MUST_BE_VALID)', (_what, tempo) => {
    given(history()).when(cmd('SetTempo', { measureId: M[1], tempo: tempo as never })).thenThrows('TEMPO_MUST_BE_VALID');
  });
});

describe('SetBarline', () => {
  it('should set start and end barlines', () => {
    given(history()).when(cmd('SetBarline', { measureId: M[1], side: 'start', style: 'repeat-start' })).then([
      { type: 'BarlineChanged', data: { side: 'start', measureId: M[1], from: 'regular', to: 'repeat-start' } },
    ]);
    given(history()).when(cmd('SetBarline', { measureId: M[3], side: 'end', style: 'final' })).then([
      { type: 'BarlineChanged', data: { side: 'end', measureId: M[3], from: 'regular', to: 'final' } },
    ]);
  });

  it('should ignore a barline that is already there', () => {
    given(history()).when(cmd('SetBarline', { measureId: M[1], side: 'end', style: 'regular' })).then([]);
    given(history()).when(cmd('SetBarline', { measureId: M[1], side: 'start', style: 'regular' })).then([]);
  });

  it('should reject a style the side cannot have (FIELD_MUST_BE_VALID)', () => {
    given(history()).when(cmd('SetBarline', { measureId: M[1], side: 'start', style: 'final' as never })).thenThrows('FIELD_MUST_BE_VALID');
    given(history()).when(cmd('SetBarline', { measureId: M[1], side: 'middle', style: 'regular' } as never)).thenThrows('FIELD_MUST_BE_VALID');
  });
});

describe('SetVolta', () => {
  it('should put a range of measures under one ending, sorting its numbers', () => {
    given(history()).when(cmd('SetVolta', { fromMeasureId: M[1], toMeasureId: M[2], numbers: [2, 1] })).then([
      { type: 'VoltaChanged', data: { measureId: M[1], from: null, to: { numbers: [1, 2] } } },
      { type: 'VoltaChanged', data: { measureId: M[2], from: null, to: { numbers: [1, 2] } } },
    ]);
  });

  it('should only touch measures that change, and remove endings with null', () => {
    const before = history(cmd('SetVolta', { fromMeasureId: M[1], toMeasureId: M[1], numbers: [1] }));
    given(before).when(cmd('SetVolta', { fromMeasureId: M[1], toMeasureId: M[2], numbers: [1] })).then([
      { type: 'VoltaChanged', data: { measureId: M[2], from: null, to: { numbers: [1] } } },
    ]);
    given(before).when(cmd('SetVolta', { fromMeasureId: M[0], toMeasureId: M[3], numbers: null })).then([
      { type: 'VoltaChanged', data: { measureId: M[1], from: { numbers: [1] }, to: null } },
    ]);
  });

  it.each([[[]], [[0]], [[1, 1]], [['1']]])('should reject ending numbers %p (FIELD_MUST_BE_VALID)', (numbers) => {
    given(history()).when(cmd('SetVolta', { fromMeasureId: M[1], toMeasureId: M[1], numbers: numbers as never })).thenThrows('FIELD_MUST_BE_VALID');
  });

  it('should reject a backwards range (MEASURE_RANGE_MUST_BE_ORDERED)', () => {
    given(history()).when(cmd('SetVolta', { fromMeasureId: M[2], toMeasureId: M[1], numbers: [1] })).thenThrows('MEASURE_RANGE_MUST_BE_ORDERED');
  });
});

describe('SetRehearsalMark', () => {
  it('should set, replace and remove a rehearsal mark', () => {
    given(history()).when(cmd('SetRehearsalMark', { measureId: M[2], text: 'A' })).then([
      { type: 'RehearsalMarkChanged', data: { measureId: M[2], from: null, to: 'A' } },
    ]);
    const before = history(cmd('SetRehearsalMark', { measureId: M[2], text: 'A' }));
    given(before).when(cmd('SetRehearsalMark', { measureId: M[2], text: 'B' })).then([
      { type: 'RehearsalMarkChanged', data: { measureId: M[2], from: 'A', to: 'B' } },
    ]);
    given(before).when(cmd('SetRehearsalMark', { measureId: M[2], text: null })).then([
      { type: 'RehearsalMarkChanged', data: { measureId: M[2], from: 'A', to: null } },
    ]);
    given(before).when(cmd('SetRehearsalMark', { measureId: M[2], text: 'A' })).then([]);
  });

  it('should reject an empty or overlong mark (FIELD_MUST_BE_VALID)', () => {
    given(history()).when(cmd('SetRehearsalMark', { measureId: M[2], text: '' })).thenThrows('FIELD_MUST_BE_VALID');
    given(history()).when(cmd('SetRehearsalMark', { measureId: M[2], text: 'x'.repeat(21) })).thenThrows('FIELD_MUST_BE_VALID');
  });

  it('should reject an unknown measure (REFERENCED_ELEMENT_MUST_EXIST)', () => {
    given(history()).when(cmd('SetRehearsalMark', { measureId: M[9], text: 'A' })).thenThrows('REFERENCED_ELEMENT_MUST_EXIST');
  });
});
