import { scoreOf, type ActiveScoreState, type Measure, type StaffMeasure } from '../../index';
import { cmd, createScore, E, f, given, M, noteIdFor, PART_1, pitch, quarter, run, triplet, writeNote } from '../../testing';
import { validateScoreDocument, type ScoreDocument } from './score-document';

const source = run([
  createScore({ parts: [{ partId: PART_1, instrumentId: 'flute' }], measureIds: M.slice(0, 2) }),
  writeNote(E[0], f(0), quarter, [pitch('C', 5)]),
]).state as ActiveScoreState;
const { ownerId: _o, createdAt: _c, ...base } = scoreOf(source);

type Edit = (doc: ScoreDocument) => unknown;

function withStaff(doc: ScoreDocument, index: number, change: Partial<StaffMeasure>): ScoreDocument {
  const measures = doc.measures.map((m, i): Measure => {
    if (i !== index) return m;
    const pm = m.content[PART_1];
    return { ...m, content: { [PART_1]: { ...pm, staves: [{ ...pm.staves[0], ...change }] } } };
  });
  return { ...doc, measures };
}

const chord = (id: string, duration = quarter, notes = [{ id: noteIdFor(id), pitch: pitch('D'), tie: false }]) => ({
  kind: 'chord' as const,
  id,
  duration,
  notes,
  articulations: [],
  lyrics: [],
});

describe('ImportScore validation (the same rules as edits)', () => {
  it('should accept a document produced by edits, unchanged', () => {
    expect(validateScoreDocument(JSON.parse(JSON.stringify(base)))).toStrictEqual(base);
  });

  it.each<[string, Edit, string]>([
    ['a document that is not an object', () => 'score', 'SCORE_DOCUMENT_MUST_BE_WELL_FORMED'],
    ['no parts', (d) => ({ ...d, parts: [] }), 'SCORE_DOCUMENT_MUST_BE_WELL_FORMED'],
    ['no measures', (d) => ({ ...d, measures: [] }), 'SCORE_DOCUMENT_MUST_BE_WELL_FORMED'],
    ['a malformed score id', (d) => ({ ...d, scoreId: 'x' }), 'ID_MUST_BE_WELL_FORMED'],
    ['an empty title', (d) => ({ ...d, title: '' }), 'FIELD_MUST_BE_VALID'],
    ['an unknown instrument', (d) => ({ ...d, parts: [{ ...d.parts[0], instrumentId: 'theremin' }] }), 'INSTRUMENT_MUST_BE_KNOWN'],
    ['a part with the wrong staff count', (d) => ({ ...d, parts: [{ ...d.parts[0], staves: 2 }] }), 'STAFF_COUNT_MUST_MATCH_INSTRUMENT'],
    ['a first measure without a key', (d) => ({ ...d, measures: [{ ...d.measures[0], keySignature: null }, d.measures[1]] }), 'FIRST_MEASURE_MUST_HAVE_TIME_AND_KEY_SIGNATURE'],
    ['a measure id used twice', (d) => ({ ...d, measures: [d.measures[0], { ...d.measures[1], id: M[0] }] }), 'IDS_MUST_BE_UNIQUE'],
    ['content for a part that does not exist', (d) => ({ ...d, measures: [{ ...d.measures[0], content: {} }, d.measures[1]] }), 'SCORE_DOCUMENT_MUST_BE_WELL_FORMED'],
    ['three voices', (d) => withStaff(d, 1, { voices: [[], [], []] }), 'SCORE_DOCUMENT_MUST_BE_WELL_FORMED'],
    ['an entry of unknown kind', (d) => withStaff(d, 1, { voices: [[{ kind: 'note' } as never], [], [], []] }), 'SCORE_DOCUMENT_MUST_BE_WELL_FORMED'],
    ['a voice longer than its measure', (d) => withStaff(d, 1, { voices: [[chord(E[1], { type: 'whole', dots: 1 })], [], [], []] }), 'NOTE_MUST_FIT_IN_MEASURE'],
    ['an incomplete triplet', (d) => withStaff(d, 1, { voices: [[chord(E[1], triplet('eighth'))], [], [], []] }), 'TUPLET_MUST_BE_COMPLETE'],
    ['a chord without notes', (d) => withStaff(d, 1, { voices: [[chord(E[1], quarter, [])], [], [], []] }), 'SCORE_DOCUMENT_MUST_BE_WELL_FORMED'],
    ['a chord with the same pitch twice', (d) =>
      withStaff(d, 1, { voices: [[chord(E[1], quarter, [{ id: E[2], pitch: pitch('D'), tie: false }, { id: E[3], pitch: pitch('D'), tie: false }])], [], [], []] }), 'CHORD_PITCHES_MUST_BE_DISTINCT'],
    ['an id used twice in a measure', (d) => withStaff(d, 0, { texts: [{ id: E[0], offset: f(0), text: 'solo' }] }), 'IDS_MUST_BE_UNIQUE'],
    ['a mark beyond the end of its measure', (d) => withStaff(d, 1, { dynamics: [{ id: E[5], offset: f(1), value: 'p' }] }), 'OFFSET_MUST_BE_WITHIN_MEASURE'],
    ['an unknown dynamic', (d) => withStaff(d, 1, { dynamics: [{ id: E[5], offset: f(0), value: 'loud' as never }] }), 'FIELD_MUST_BE_VALID'],
    ['a hairpin that ends before it starts', (d) =>
      withStaff(d, 1, { hairpins: [{ id: E[5], kind: 'crescendo', offset: f(1, 2), end: { measureId: M[0], offset: f(1) } }] }), 'SPANNER_MUST_END_AFTER_START'],
    ['a hairpin ending in a measure that does not exist', (d) =>
      withStaff(d, 0, { hairpins: [{ id: E[5], kind: 'crescendo', offset: f(0), end: { measureId: M[9], offset: f(1) } }] }), 'REFERENCED_ELEMENT_MUST_EXIST'],
    ['a slur ending beyond its measure', (d) =>
      withStaff(d, 0, { slurs: [{ id: E[5], voice: 1, offset: f(0), end: { measureId: M[1], offset: f(1) } }] }), 'OFFSET_MUST_BE_WITHIN_MEASURE'],
    ['two lyrics in one verse', (d) =>
      withStaff(d, 1, { voices: [[{ ...chord(E[1]), lyrics: [{ verse: 1, text: 'a', syllabic: 'single' }, { verse: 1, text: 'b', syllabic: 'single' }] }], [], [], []] }), 'SCORE_DOCUMENT_MUST_BE_WELL_FORMED'],
    ['an articulation twice', (d) => withStaff(d, 1, { voices: [[{ ...chord(E[1]), articulations: ['accent', 'accent'] }], [], [], []] }), 'SCORE_DOCUMENT_MUST_BE_WELL_FORMED'],
  ])('should reject %s', (_what, edit, code) => {
    given().when(cmd('ImportScore', { score: edit(base) as never })).thenThrows(code);
  });

  it('should keep a generated rest id but require client ids for new notes', () => {
    const generated = withStaff(base, 1, { voices: [[{ kind: 'rest', id: `${E[1]}:1`, duration: quarter }], [], [], []] });
    expect(() => validateScoreDocument(generated)).not.toThrow();
    const badNote = withStaff(base, 1, { voices: [[chord(E[1], quarter, [{ id: `${E[2]}:1`, pitch: pitch('D'), tie: false }])], [], [], []] });
    given().when(cmd('ImportScore', { score: badNote })).thenThrows('ID_MUST_BE_WELL_FORMED');
  });
});
