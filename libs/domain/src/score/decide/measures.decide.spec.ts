import { emptyMeasure, type ActiveScoreState, type MeasuresDeleted, type ScoreCreated } from '../../index';
import { cmd, E, eighth, f, given, history, M, PART_1, pitch, quarter, writeNote } from '../../testing';

const TS_34 = { beats: 3, beatType: 4 };
const parts = () => (history()[0] as ScoreCreated).data.parts;
const stateOf = (events: ReturnType<typeof history>) => given(events).when(cmd('UpdateScoreInfo', {})).state() as ActiveScoreState;
const voice1 = (s: ActiveScoreState, m: number) => s.measures[m].content[PART_1].staves[0].voices[0];

describe('InsertMeasures', () => {
  it('should append empty measures at the end', () => {
    given(history())
      .when(cmd('InsertMeasures', { beforeMeasureId: null, measureIds: [M[4], M[5]] }))
      .then([{ type: 'MeasuresInserted', data: { index: 4, measures: [emptyMeasure(M[4], parts()), emptyMeasure(M[5], parts())] } }]);
  });

  it('should insert before a measure', () => {
    given(history())
      .when(cmd('InsertMeasures', { beforeMeasureId: M[1], measureIds: [M[4]] }))
      .then([{ type: 'MeasuresInserted', data: { index: 1, measures: [emptyMeasure(M[4], parts())] } }]);
  });

  it('should give a new first measure the opening time and key signature', () => {
    const [event] = given(history()).when(cmd('InsertMeasures', { beforeMeasureId: M[0], measureIds: [M[4]] })).events();
    expect(event.data).toMatchObject({ index: 0, measures: [{ id: M[4], timeSignature: { beats: 4, beatType: 4 }, keySignature: { fifths: 0, mode: 'major' } }] });
  });

  it.each([
    ['no ids', { beforeMeasureId: null, measureIds: [] }, 'FIELD_MUST_BE_VALID'],
    ['an id in use', { beforeMeasureId: null, measureIds: [M[2]] }, 'IDS_MUST_BE_UNIQUE'],
    ['a malformed id', { beforeMeasureId: null, measureIds: ['bar-5'] }, 'ID_MUST_BE_WELL_FORMED'],
    ['an unknown measure to insert before', { beforeMeasureId: M[9], measureIds: [M[4]] }, 'REFERENCED_ELEMENT_MUST_EXIST'],
  ])('should reject %s', (_what, data, code) => {
    given(history()).when(cmd('InsertMeasures', data)).thenThrows(code);
  });
});

describe('DeleteMeasures', () => {
  it('should delete a range, carrying the measures and all parts\' content in them', () => {
    const before = history(writeNote(E[0], f(0), quarter, [pitch('C')], { measureId: M[2] }));
    const s = stateOf(before);
    given(before)
      .when(cmd('DeleteMeasures', { fromMeasureId: M[1], toMeasureId: M[2] }))
      .then([{ type: 'MeasuresDeleted', data: { index: 1, measures: [s.measures[1], s.measures[2]] } }]);
  });

  it('should give the next measure the time signature, key and clefs that were in force there', () => {
    const clef = { sign: 'F' as const, line: 4 };
    const before = history(
      cmd('SetTimeSignature', { measureId: M[1], timeSignature: TS_34 }),
      cmd('SetKeySignature', { measureId: M[2], keySignature: { fifths: 2, mode: 'major' } }),
      cmd('SetClef', { partId: PART_1, staff: 1, measureId: M[1], clef }),
    );
    const events = given(before).when(cmd('DeleteMeasures', { fromMeasureId: M[1], toMeasureId: M[2] })).events();
    expect(events.slice(0, 3)).toEqual([
      { type: 'TimeSignatureChanged', data: { measureId: M[3], from: null, to: TS_34 } },
      { type: 'KeySignatureChanged', data: { measureId: M[3], from: null, to: { fifths: 2, mode: 'major' } } },
      { type: 'ClefChanged', data: { partId: PART_1, staff: 1, measureId: M[3], from: null, to: clef } },
    ]);
    expect(events[3].type).toBe('MeasuresDeleted');
  });

  it('should move the opening signatures to the new first measure', () => {
    const events = given(history()).when(cmd('DeleteMeasures', { fromMeasureId: M[0], toMeasureId: M[0] })).events();
    expect(events.map((e) => e.type)).toEqual(['TimeSignatureChanged', 'KeySignatureChanged', 'MeasuresDeleted']);
    expect((events[2] as MeasuresDeleted).data.index).toBe(0);
  });

  it('should carry nothing when the measure after keeps what was in force', () => {
    const events = given(history()).when(cmd('DeleteMeasures', { fromMeasureId: M[1], toMeasureId: M[2] })).events();
    expect(events.map((e) => e.type)).toEqual(['MeasuresDeleted']);
  });

  it('should remove hairpins and slurs that end inside the deleted measures', () => {
    const before = history(
      writeNote(E[0], f(0), quarter),
      writeNote(E[1], f(0), quarter, [pitch('D')], { measureId: M[1] }),
      cmd('AddHairpin', { partId: PART_1, staff: 1, measureId: M[0], offset: f(0), hairpinId: E[2], kind: 'crescendo', end: { measureId: M[1], offset: f(1) } }),
      cmd('AddSlur', { partId: PART_1, staff: 1, measureId: M[0], voice: 1, offset: f(0), slurId: E[3], end: { measureId: M[1], offset: f(0) } }),
    );
    const events = given(before).when(cmd('DeleteMeasures', { fromMeasureId: M[1], toMeasureId: M[1] })).events();
    expect(events.map((e) => e.type)).toEqual(['HairpinRemoved', 'SlurRemoved', 'MeasuresDeleted']);
  });

  it('should keep at least one measure (SCORE_MUST_KEEP_AT_LEAST_ONE_MEASURE)', () => {
    given(history()).when(cmd('DeleteMeasures', { fromMeasureId: M[0], toMeasureId: M[3] })).thenThrows('SCORE_MUST_KEEP_AT_LEAST_ONE_MEASURE');
  });

  it('should reject a backwards range (MEASURE_RANGE_MUST_BE_ORDERED)', () => {
    given(history()).when(cmd('DeleteMeasures', { fromMeasureId: M[2], toMeasureId: M[1] })).thenThrows('MEASURE_RANGE_MUST_BE_ORDERED');
  });

  it('should reject an unknown measure (REFERENCED_ELEMENT_MUST_EXIST)', () => {
    given(history()).when(cmd('DeleteMeasures', { fromMeasureId: M[1], toMeasureId: M[9] })).thenThrows('REFERENCED_ELEMENT_MUST_EXIST');
  });
});

describe('SetTimeSignature', () => {
  it('should change the time signature from a measure on', () => {
    given(history()).when(cmd('SetTimeSignature', { measureId: M[1], timeSignature: TS_34 })).then([
      { type: 'TimeSignatureChanged', data: { measureId: M[1], from: null, to: TS_34 } },
    ]);
  });

  it('should remove a change, and do nothing when nothing changes', () => {
    const before = history(cmd('SetTimeSignature', { measureId: M[1], timeSignature: TS_34 }));
    given(before).when(cmd('SetTimeSignature', { measureId: M[1], timeSignature: null })).then([
      { type: 'TimeSignatureChanged', data: { measureId: M[1], from: TS_34, to: null } },
    ]);
    given(before).when(cmd('SetTimeSignature', { measureId: M[1], timeSignature: TS_34 })).then([]);
  });

  it('should remove rests that would hang over the new end of the measure', () => {
    const before = history(writeNote(E[0], f(0), quarter, [pitch('C')], { measureId: M[1] }));
    const [, rest, half] = voice1(stateOf(before), 1);
    given(before).when(cmd('SetTimeSignature', { measureId: M[1], timeSignature: { beats: 2, beatType: 4 } })).then([
      { type: 'TrailingRestsRemoved', data: { partId: PART_1, staff: 1, measureId: M[1], voice: 1, afterEntryId: rest.id, rests: [half as never] } },
      { type: 'TimeSignatureChanged', data: { measureId: M[1], from: null, to: { beats: 2, beatType: 4 } } },
    ]);
  });

  it('should clear a voice of rests entirely when nothing of it fits', () => {
    const before = history(writeNote(E[0], f(3, 4), quarter, [], { measureId: M[1] }));
    const events = given(before).when(cmd('SetTimeSignature', { measureId: M[1], timeSignature: { beats: 2, beatType: 8 } })).events();
    expect(events[0]).toMatchObject({ type: 'TrailingRestsRemoved', data: { afterEntryId: null } });
  });

  it('should refuse to cut notes or marks off (MEASURE_CONTENT_MUST_FIT_ITS_LENGTH)', () => {
    const withNote = history(writeNote(E[0], f(3, 4), quarter, [pitch('C')], { measureId: M[1] }));
    given(withNote).when(cmd('SetTimeSignature', { measureId: M[1], timeSignature: TS_34 })).thenThrows('MEASURE_CONTENT_MUST_FIT_ITS_LENGTH');
    const withDynamic = history(cmd('SetDynamic', { partId: PART_1, staff: 1, measureId: M[2], offset: f(7, 8), dynamicId: E[1], value: 'p' }));
    given(withDynamic).when(cmd('SetTimeSignature', { measureId: M[1], timeSignature: TS_34 })).thenThrows('MEASURE_CONTENT_MUST_FIT_ITS_LENGTH');
    const withHairpin = history(
      cmd('AddHairpin', { partId: PART_1, staff: 1, measureId: M[0], offset: f(0), hairpinId: E[2], kind: 'diminuendo', end: { measureId: M[1], offset: f(1) } }),
    );
    given(withHairpin).when(cmd('SetTimeSignature', { measureId: M[1], timeSignature: TS_34 })).thenThrows('MEASURE_CONTENT_MUST_FIT_ITS_LENGTH');
  });

  it('should only affect measures up to the next change', () => {
    const before = history(
      cmd('SetTimeSignature', { measureId: M[2], timeSignature: { beats: 4, beatType: 4 } }),
      writeNote(E[0], f(3, 4), quarter, [pitch('C')], { measureId: M[2] }),
    );
    given(before).when(cmd('SetTimeSignature', { measureId: M[1], timeSignature: TS_34 })).then([
      { type: 'TimeSignatureChanged', data: { measureId: M[1], from: null, to: TS_34 } },
    ]);
  });

  it('should keep a pickup shorter than the new bar (MEASURE_LENGTH_MUST_NOT_EXCEED_TIME_SIGNATURE)', () => {
    const before = history(cmd('SetMeasureLength', { measureId: M[0], length: f(3, 8) }));
    given(before).when(cmd('SetTimeSignature', { measureId: M[0], timeSignature: { beats: 2, beatType: 8 } })).thenThrows('MEASURE_LENGTH_MUST_NOT_EXCEED_TIME_SIGNATURE');
  });

  it('should keep the first measure\'s time signature (FIRST_MEASURE_MUST_HAVE_TIME_AND_KEY_SIGNATURE)', () => {
    given(history()).when(cmd('SetTimeSignature', { measureId: M[0], timeSignature: null })).thenThrows('FIRST_MEASURE_MUST_HAVE_TIME_AND_KEY_SIGNATURE');
  });

  it('should reject a malformed time signature (TIME_SIGNATURE_MUST_BE_VALID)', () => {
    given(history()).when(cmd('SetTimeSignature', { measureId: M[1], timeSignature: { beats: 0, beatType: 4 } })).thenThrows('TIME_SIGNATURE_MUST_BE_VALID');
    given(history()).when(cmd('SetTimeSignature', { measureId: M[1], timeSignature: 'common' as never })).thenThrows('TIME_SIGNATURE_MUST_BE_VALID');
  });
});

describe('SetMeasureLength', () => {
  it('should make the first measure a pickup, and a later call restore its full length', () => {
    given(history()).when(cmd('SetMeasureLength', { measureId: M[0], length: f(2, 8) })).then([
      { type: 'MeasureLengthChanged', data: { measureId: M[0], from: null, to: f(1, 4) } },
    ]);
    const pickup = history(cmd('SetMeasureLength', { measureId: M[0], length: f(1, 4) }));
    given(pickup).when(cmd('SetMeasureLength', { measureId: M[0], length: null })).then([
      { type: 'MeasureLengthChanged', data: { measureId: M[0], from: f(1, 4), to: null } },
    ]);
    given(pickup).when(cmd('SetMeasureLength', { measureId: M[0], length: f(1, 4) })).then([]);
  });

  it('should write rests in a pickup on the beats of a full bar', () => {
    const state = given(history(cmd('SetMeasureLength', { measureId: M[0], length: f(3, 8) }))).when(writeNote(E[0], f(0), eighth)).state() as ActiveScoreState;
    expect(voice1(state, 0).map((e) => [e.kind, e.duration.type])).toEqual([['chord', 'eighth'], ['rest', 'quarter']]);
  });

  it('should remove hanging rests when shortening', () => {
    const before = history(writeNote(E[0], f(0), quarter));
    const events = given(before).when(cmd('SetMeasureLength', { measureId: M[0], length: f(1, 4) })).events();
    expect(events.map((e) => e.type)).toEqual(['TrailingRestsRemoved', 'MeasureLengthChanged']);
  });

  it.each([
    ['as long as the bar', f(1), 'MEASURE_LENGTH_MUST_NOT_EXCEED_TIME_SIGNATURE'],
    ['zero', f(0), 'FIELD_MUST_BE_VALID'],
    ['negative', f(-1, 4), 'FIELD_MUST_BE_VALID'],
    ['not a fraction', 0.25, 'FIELD_MUST_BE_VALID'],
  ])('should reject a length %s', (_what, length, code) => {
    given(history()).when(cmd('SetMeasureLength', { measureId: M[0], length: length as never })).thenThrows(code);
  });

  it('should refuse to cut notes off (MEASURE_CONTENT_MUST_FIT_ITS_LENGTH)', () => {
    given(history(writeNote(E[0], f(1, 2), quarter))).when(cmd('SetMeasureLength', { measureId: M[0], length: f(1, 4) })).thenThrows('MEASURE_CONTENT_MUST_FIT_ITS_LENGTH');
  });
});

describe('shortening a measure with a tuplet group', () => {
  it('should remove the whole group when only rests of it would be left hanging', () => {
    const before = history(writeNote(E[0], f(1, 4), { type: 'eighth', dots: 0, tuplet: { actual: 3, normal: 2 } }, []));
    const events = given(before).when(cmd('SetMeasureLength', { measureId: M[0], length: f(3, 8) })).events();
    expect(events[0]).toMatchObject({ type: 'TrailingRestsRemoved', data: { afterEntryId: `${E[0]}:3` } });
  });

  it('should refuse to cut a group whose note would be left without its rests (MEASURE_CONTENT_MUST_FIT_ITS_LENGTH)', () => {
    const before = history(writeNote(E[0], f(0), { type: 'eighth', dots: 0, tuplet: { actual: 3, normal: 2 } }));
    given(before).when(cmd('SetMeasureLength', { measureId: M[0], length: f(1, 8) })).thenThrows('MEASURE_CONTENT_MUST_FIT_ITS_LENGTH');
  });
});
