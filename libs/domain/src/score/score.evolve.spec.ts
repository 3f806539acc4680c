import {
  evolve,
  initialScoreState,
  invert,
  isScoreEvent,
  replay,
  SCORE_EVENT_TYPES,
  type ScoreEvent,
  type ScoreState,
} from '../index';
import { cmd, createScore, E, f, history, M, N, noteIdFor, PART_1, PART_2, pitch, quarter, run, writeNote } from '../testing';

const at = { partId: PART_1, staff: 1 as const, measureId: M[0], voice: 1 as const };
const entry = { ...at, entryId: E[0] };
const withNote = () => run([createScore(), writeNote(E[0], f(0), quarter)]).state;
const code = (state: ScoreState, event: ScoreEvent): string => {
  try {
    evolve(state, event);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'applied';
};

describe('evolve', () => {
  it('should not touch parts of the score an event does not name (structural sharing)', () => {
    const before = run([createScore(), cmd('AddPart', { partId: PART_2, instrumentId: 'flute' })]).state;
    const after = run([writeNote(E[0], f(0), quarter)], before).state;
    if (before.status !== 'active' || after.status !== 'active') throw new Error('no score');
    expect(after.measures[1]).toBe(before.measures[1]);
    expect(after.measures[0].content[PART_2]).toBe(before.measures[0].content[PART_2]);
    expect(after.parts).toBe(before.parts);
  });

  it('should refuse events that do not fit the state (EVENT_DOES_NOT_APPLY)', () => {
    const s = withNote();
    const cases: [ScoreState, ScoreEvent][] = [
      [initialScoreState(), { type: 'TempoChanged', data: { measureId: M[0], from: null, to: null } }],
      [s, history()[0]],
      [s, { type: 'TempoChanged', data: { measureId: M[9], from: null, to: null } }],
      [s, { type: 'ClefChanged', data: { partId: PART_2, staff: 1, measureId: M[0], from: null, to: null } }],
      [s, { type: 'ClefChanged', data: { partId: PART_1, staff: 2, measureId: M[0], from: null, to: null } }],
      [s, { type: 'NoteDeleted', data: { ...entry, entryId: E[9], deleted: null as never } }],
      [s, { type: 'NoteDeleted', data: { ...entry, entryId: `${E[0]}:1`, deleted: null as never } }],
      [s, { type: 'NoteRestored', data: { ...entry, restored: null as never } }],
      [s, { type: 'VoiceEntriesRestored', data: { ...at, afterEntryId: null, removed: [{ kind: 'rest', id: E[7], duration: quarter }], inserted: [] } }],
      [s, { type: 'NotePitchChanged', data: { ...entry, noteId: N[9], from: pitch('C'), to: pitch('D') } }],
      [s, { type: 'NoteWritten', data: { ...at, partId: PART_2, entryId: E[5], offset: f(0), afterEntryId: null, removed: [], inserted: [] } }],
      [s, { type: 'NoteWritten', data: { ...at, staff: 2, entryId: E[5], offset: f(0), afterEntryId: null, removed: [], inserted: [] } }],
      [s, { type: 'NotePitchChanged', data: { ...entry, partId: PART_2, noteId: N[0], from: pitch('C'), to: pitch('D') } }],
      [s, { type: 'ChordPitchRemoved', data: { ...entry, note: { id: N[9], pitch: pitch('C'), tie: false }, index: 0 } }],
      [s, { type: 'ArticulationRemoved', data: { ...entry, articulation: 'accent', index: 0 } }],
      [s, { type: 'LyricCleared', data: { ...entry, lyric: { verse: 1, text: 'a', syllabic: 'single' } } }],
      [s, { type: 'DynamicRemoved', data: { partId: PART_1, staff: 1, measureId: M[0], dynamic: { id: E[9], offset: f(0), value: 'p' } } }],
      [s, { type: 'DynamicChanged', data: { partId: PART_1, staff: 1, measureId: M[0], dynamicId: E[9], from: 'p', to: 'f' } }],
      [s, { type: 'ChordSymbolRemoved', data: { partId: PART_1, measureId: M[0], chordSymbol: { id: E[9], offset: f(0), symbol: null as never } } }],
      [s, { type: 'ChordSymbolChanged', data: { partId: PART_1, measureId: M[0], chordSymbolId: E[9], from: null as never, to: null as never } }],
      [s, { type: 'PartRemoved', data: { part: { id: PART_2 } as never, index: 0, content: {} } }],
      [s, { type: 'PartMoved', data: { partId: PART_2, fromIndex: 0, toIndex: 0 } }],
      [s, { type: 'PartRenamed', data: { partId: PART_2, from: { name: 'a', abbreviation: '' }, to: { name: 'b', abbreviation: '' } } }],
      [s, { type: 'MeasuresInserted', data: { index: 9, measures: [] } }],
      [s, { type: 'MeasuresDeleted', data: { index: 3, measures: [{ id: M[0] } as never] } }],
      [s, { type: 'SelectionTransposed', data: { selection: null as never, interval: { diatonic: 1, chromatic: 2 }, voices: [{ ...at, changes: [{ entryId: E[0], noteId: N[9], from: pitch('C'), to: pitch('D') }] }], chordSymbols: [], keySignatures: [] } }],
    ];
    expect(cases.map(([state, event]) => `${event.type}: ${code(state, event)}`)).toEqual(
      cases.map(([, event]) => `${event.type}: EVENT_DOES_NOT_APPLY`),
    );
  });

  it('should refuse an unknown event type', () => {
    expect(() => evolve(withNote(), { type: 'NoteChanged', data: {} } as never)).toThrow('Unknown score event');
  });

  it('should replay from a given state', () => {
    const events = history(writeNote(E[0], f(0), quarter));
    expect(replay(events.slice(1), replay(events.slice(0, 1)))).toStrictEqual(replay(events));
  });
});

describe('invert', () => {
  it('should return to the empty state from a created score, and import it back', () => {
    const [created] = history();
    const state = evolve(initialScoreState(), created);
    const [discarded] = invert(created);
    expect(discarded.type).toBe('ScoreDiscarded');
    expect(evolve(state, discarded)).toStrictEqual(initialScoreState());
    expect(invert(discarded).reduce(evolve, initialScoreState())).toStrictEqual(state);
  });

  it('should turn a lyric that replaced another into the reverse replacement', () => {
    const lyric = (text: string) => ({ verse: 1, text, syllabic: 'single' as const });
    expect(invert({ type: 'LyricSet', data: { ...entry, from: lyric('a'), to: lyric('b') } })).toEqual([
      { type: 'LyricSet', data: { ...entry, from: lyric('b'), to: lyric('a') } },
    ]);
  });

  it('should undo a whole command by inverting its events from the last', () => {
    const before = run([createScore(), writeNote(E[0], f(0), quarter), cmd('SetTimeSignature', { measureId: M[1], timeSignature: { beats: 3, beatType: 4 } })]);
    const events = run([cmd('DeleteMeasures', { fromMeasureId: M[0], toMeasureId: M[1] })], before.state).events;
    expect(events.length).toBeGreaterThan(1);
    const { invertAll } = jest.requireActual('../index');
    expect(replay(invertAll(events), replay(events, before.state))).toStrictEqual(before.state);
  });
});

describe('event and command catalogues', () => {
  it('should list every event type once and recognise them', () => {
    expect(new Set(SCORE_EVENT_TYPES).size).toBe(SCORE_EVENT_TYPES.length);
    expect(SCORE_EVENT_TYPES).toContain('NoteWritten');
    expect(SCORE_EVENT_TYPES.every((type) => isScoreEvent({ type }))).toBe(true);
    expect(isScoreEvent({ type: 'ScoreUpdated' })).toBe(false);
    expect(isScoreEvent({ type: 'toString' })).toBe(false);
  });

  it('should name events in the past tense and never as vague updates', () => {
    expect(SCORE_EVENT_TYPES.filter((t) => !/(ed|en|Set)$/.test(t))).toEqual([]);
    expect(SCORE_EVENT_TYPES).not.toContain('ScoreUpdated');
    expect(noteIdFor(E[0])).not.toBe(E[0]);
  });
});
