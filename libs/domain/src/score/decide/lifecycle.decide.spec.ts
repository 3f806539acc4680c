import { getInstrument } from '../../instruments/instruments';

function instrument(id: string) {
  const found = getInstrument(id);
  if (found === undefined) throw new Error(`no instrument ${id}`);
  return found;
}
import { emptyPartMeasure, scoreOf, type ActiveScoreState, type Measure, type Score } from '../../index';
import { AT, cmd, createScore, E, f, given, history, M, metadata, OWNER_ID, PART_1, pitch, quarter, run, SCORE_ID, writeNote } from '../../testing';

const trumpet = instrument('trumpet-bb');

function measure(id: string, changes: Partial<Measure> = {}): Measure {
  return {
    id,
    timeSignature: null,
    keySignature: null,
    length: null,
    tempo: null,
    startBarline: 'regular',
    endBarline: 'regular',
    volta: null,
    rehearsalMark: null,
    content: { [PART_1]: emptyPartMeasure(1) },
    ...changes,
  };
}

const defaultScore: Score = {
  scoreId: SCORE_ID,
  ownerId: OWNER_ID,
  createdAt: AT,
  title: 'Test score',
  subtitle: '',
  composer: 'Tester',
  arranger: '',
  copyright: '',
  parts: [{ id: PART_1, name: trumpet.name, abbreviation: trumpet.abbreviation, instrumentId: 'trumpet-bb', staves: 1 }],
  measures: [
    measure(M[0], { timeSignature: { beats: 4, beatType: 4 }, keySignature: { fifths: 0, mode: 'major' } }),
    measure(M[1]),
    measure(M[2]),
    measure(M[3]),
  ],
};

describe('CreateScore', () => {
  it('should create a score owned by the actor, in 4/4 and C major by default, with empty measures', () => {
    given().when(createScore()).then([{ type: 'ScoreCreated', data: defaultScore }]);
  });

  it('should open with the given time signature, key, pickup and tempo', () => {
    const tempo = { bpm: 96, beatUnit: { type: 'quarter' as const, dots: 1 }, text: 'Allegro' };
    const events = given()
      .when(createScore({ timeSignature: { beats: 6, beatType: 8 }, keySignature: { fifths: -3, mode: 'minor' }, pickup: f(1, 8), tempo }))
      .events();
    const first = (events[0].data as Score).measures[0];
    expect(first).toMatchObject({ timeSignature: { beats: 6, beatType: 8 }, keySignature: { fifths: -3, mode: 'minor' }, length: f(1, 8), tempo });
  });

  it('should name parts after their instrument unless names are given', () => {
    const events = given()
      .when(createScore({ parts: [{ partId: PART_1, instrumentId: 'piano', name: 'Keys', abbreviation: 'Kb.' }] }))
      .events();
    expect((events[0].data as Score).parts).toEqual([{ id: PART_1, name: 'Keys', abbreviation: 'Kb.', instrumentId: 'piano', staves: 2 }]);
    expect((events[0].data as Score).measures[0].content[PART_1].staves).toHaveLength(2);
  });

  it('should expose scoreId, title, composer, ownerId, parts and the bar count on the state', () => {
    const state = given().when(createScore()).state() as ActiveScoreState;
    expect(state).toMatchObject({ status: 'active', scoreId: SCORE_ID, title: 'Test score', composer: 'Tester', ownerId: OWNER_ID });
    expect(state.measures.length).toBe(4);
    expect(state.parts[0]).toMatchObject({ id: PART_1, name: trumpet.name, instrumentId: 'trumpet-bb' });
  });

  it('should refuse to create a score that exists (SCORE_MUST_NOT_EXIST_YET)', () => {
    given(history()).when(createScore()).thenThrows('SCORE_MUST_NOT_EXIST_YET');
  });

  it.each([
    ['a malformed score id', { scoreId: 'score-1' }, 'ID_MUST_BE_WELL_FORMED'],
    ['a malformed measure id', { measureIds: ['m1'] }, 'ID_MUST_BE_WELL_FORMED'],
    ['no parts', { parts: [] }, 'SCORE_MUST_KEEP_AT_LEAST_ONE_PART'],
    ['no measures', { measureIds: [] }, 'SCORE_MUST_KEEP_AT_LEAST_ONE_MEASURE'],
    ['a repeated measure id', { measureIds: [M[0], M[0]] }, 'IDS_MUST_BE_UNIQUE'],
    ['a part id equal to a measure id', { parts: [{ partId: M[0], instrumentId: 'flute' }] }, 'IDS_MUST_BE_UNIQUE'],
    ['an unknown instrument', { parts: [{ partId: PART_1, instrumentId: 'kazoo' }] }, 'INSTRUMENT_MUST_BE_KNOWN'],
    ['an empty title', { title: '  ' }, 'FIELD_MUST_BE_VALID'],
    ['a 4/3 time signature', { timeSignature: { beats: 4, beatType: 3 } }, 'TIME_SIGNATURE_MUST_BE_VALID'],
    ['eight sharps', { keySignature: { fifths: 8, mode: 'major' as const } }, 'KEY_SIGNATURE_MUST_BE_VALID'],
    ['a pickup as long as the bar', { pickup: f(1) }, 'MEASURE_LENGTH_MUST_NOT_EXCEED_TIME_SIGNATURE'],
    ['an empty pickup', { pickup: f(0) }, 'FIELD_MUST_BE_VALID'],
    ['a tempo of 0 bpm', { tempo: { bpm: 0, beatUnit: { type: 'quarter' as const, dots: 0 }, text: null } }, 'TEMPO_MUST_BE_VALID'],
  ])('should reject %s', (_what, data, code) => {
    given().when(createScore(data as never)).thenThrows(code);
  });

  it('should reject a command without an actor or an ISO time (FIELD_MUST_BE_VALID)', () => {
    given().when({ ...createScore(), metadata: undefined } as never).thenThrows('FIELD_MUST_BE_VALID');
    given().when({ ...createScore(), metadata: metadata({ at: 'yesterday' }) }).thenThrows('FIELD_MUST_BE_VALID');
  });

  it('should reject an unknown command type (COMMAND_MUST_BE_KNOWN)', () => {
    given().when({ type: 'PlayTune', data: {}, metadata: metadata() } as never).thenThrows('COMMAND_MUST_BE_KNOWN');
    given().when(null as never).thenThrows('COMMAND_MUST_BE_KNOWN');
  });

  it('should reject a command without data (FIELD_MUST_BE_VALID)', () => {
    given().when({ type: 'CreateScore', metadata: metadata() } as never).thenThrows('FIELD_MUST_BE_VALID');
  });
});

describe('UpdateScoreInfo', () => {
  it('should record only the fields that change, with their old values', () => {
    given(history())
      .when(cmd('UpdateScoreInfo', { title: 'Suite', composer: 'Tester', arranger: 'Arr.' }))
      .then([{ type: 'ScoreInfoUpdated', data: { from: { title: 'Test score', arranger: '' }, to: { title: 'Suite', arranger: 'Arr.' } } }]);
  });

  it('should change nothing when the values are the same', () => {
    given(history()).when(cmd('UpdateScoreInfo', { title: 'Test score' })).then([]);
  });

  it('should refuse an empty title (FIELD_MUST_BE_VALID)', () => {
    given(history()).when(cmd('UpdateScoreInfo', { title: '' })).thenThrows('FIELD_MUST_BE_VALID');
  });

  it('should refuse to edit a score that does not exist (SCORE_MUST_EXIST)', () => {
    given().when(cmd('UpdateScoreInfo', { title: 'x' })).thenThrows('SCORE_MUST_EXIST');
  });
});

describe('ImportScore', () => {
  const source = run([createScore({ pickup: f(1, 4) }), writeNote(E[0], f(0), quarter, [pitch('G')])]).state as ActiveScoreState;
  const { ownerId: _o, createdAt: _c, ...document } = scoreOf(source);

  it('should import a whole document, owned by the importing actor', () => {
    given()
      .when(cmd('ImportScore', { score: document }, { actor: { id: 'importer', kind: 'api-key' } }))
      .then([{ type: 'ScoreImported', data: { ...document, ownerId: 'importer', createdAt: AT } }]);
  });

  it('should sort marks the way edits keep them', () => {
    const dynamics = [
      { id: E[2], offset: f(1, 8), value: 'f' },
      { id: E[1], offset: f(0), value: 'p' },
    ];
    const measures = document.measures.map((m, i) =>
      i === 0 ? { ...m, content: { [PART_1]: { ...m.content[PART_1], staves: [{ ...m.content[PART_1].staves[0], dynamics }] } } } : m,
    );
    const [event] = given().when(cmd('ImportScore', { score: { ...document, measures } as never })).events();
    expect((event.data as Score).measures[0].content[PART_1].staves[0].dynamics.map((d) => d.value)).toEqual(['p', 'f']);
  });

  it('should refuse to import over an existing score (SCORE_MUST_NOT_EXIST_YET)', () => {
    given(history()).when(cmd('ImportScore', { score: document })).thenThrows('SCORE_MUST_NOT_EXIST_YET');
  });
});
