import { initialScoreState, type ScoreCommand, type ScoreState } from '@bandpro/domain';
import { cmd, createScore, E, f, half, M, N, noteIdFor, PART_1, PART_2, pitch, quarter, run, writeNote } from '@bandpro/domain/testing';
import { diffScores } from '../../src/diff';

const base = run([createScore(), writeNote(E[0], f(0), quarter, [pitch('C', 5)], { measureId: M[1] })]).state;
const NOTE = noteIdFor(E[0]);
const at = (...commands: ScoreCommand[]): ScoreState => run(commands, base).state;
const entry = { partId: PART_1, staff: 1, measureId: M[1], voice: 1, entryId: E[0] };

describe('diffScores', () => {
  it('should find nothing between a state and itself, or a copy that shares no structure with it', () => {
    expect(diffScores(base, base).empty).toBe(true);
    const copy = JSON.parse(JSON.stringify(base)) as ScoreState;
    expect(diffScores(base, copy)).toEqual({
      info: [],
      parts: { added: [], removed: [], changed: [] },
      measures: { added: [], removed: [], changed: [] },
      notes: [],
      marks: [],
      bars: [],
      empty: true,
    });
  });

  it('should rely on evolve sharing what an edit leaves alone (measures, parts, voices)', () => {
    const after = at(writeNote(E[1], f(0), half, [pitch('D')], { measureId: M[2] }));
    if (base.status !== 'active' || after.status !== 'active') throw new Error('expected active scores');

    expect(after.measures[0]).toBe(base.measures[0]);
    expect(after.parts).toBe(base.parts);
    const [was, now] = [base.measures[2].content[PART_1].staves[0], after.measures[2].content[PART_1].staves[0]];
    expect(now.voices[1]).toBe(was.voices[1]);
    expect(now.dynamics).toBe(was.dynamics);
  });

  it('should report changed metadata with before and after, and no bar', () => {
    const diff = diffScores(base, at(cmd('UpdateScoreInfo', { title: 'Blue Bossa' })));

    expect(diff.info).toEqual([{ field: 'title', before: 'Test score', after: 'Blue Bossa' }]);
    expect(diff.bars).toEqual([]);
    expect(diff.empty).toBe(false);
  });

  it('should tell a new score from no score', () => {
    const diff = diffScores(initialScoreState(), base);

    expect(diff.info[0]).toEqual({ field: 'status', before: 'empty', after: 'active' });
    expect(diff.measures.added.map((m) => m.bar)).toEqual([1, 2, 3, 4]);
    expect(diff.parts.added.map((p) => p.id)).toEqual([PART_1]);
    expect(diffScores(base, initialScoreState()).measures.removed).toHaveLength(4);
  });

  describe('parts', () => {
    it('should report an added part with every bar it has, and the same part as removed the other way round', () => {
      const after = at(cmd('AddPart', { partId: PART_2, instrumentId: 'trombone', name: 'Trombone' }));

      const diff = diffScores(base, after);
      expect(diff.parts.added.map((p) => p.name)).toEqual(['Trombone']);
      expect(diff.bars.filter((b) => b.partId === PART_2).map((b) => b.bar)).toEqual([1, 2, 3, 4]);
      expect(diffScores(after, base).parts.removed.map((p) => p.name)).toEqual(['Trombone']);
    });

    it('should not call a part moved because another was added before it', () => {
      const after = at(cmd('AddPart', { partId: PART_2, instrumentId: 'trombone', index: 0 }));

      expect(diffScores(base, after).parts).toEqual({ added: [expect.objectContaining({ id: PART_2 })], removed: [], changed: [] });
    });

    it('should report a renamed part and a part that moved', () => {
      const two = at(cmd('AddPart', { partId: PART_2, instrumentId: 'trombone' }));
      const after = run([cmd('RenamePart', { partId: PART_1, name: 'Trumpet 1' }), cmd('MovePart', { partId: PART_2, toIndex: 0 })], two).state;

      const changed = diffScores(two, after).parts.changed;
      expect(changed.find((c) => c.partId === PART_1)?.changes).toEqual([
        { field: 'name', before: 'Trumpet in B♭', after: 'Trumpet 1' },
        { field: 'position', before: 0, after: 1 },
      ]);
      expect(changed.find((c) => c.partId === PART_2)?.changes).toEqual([{ field: 'position', before: 1, after: 0 }]);
    });
  });

  describe('measures', () => {
    it('should number added measures in the new score and removed ones in the old', () => {
      const inserted = at(cmd('InsertMeasures', { beforeMeasureId: M[2], measureIds: [M[8], M[9]] }));

      expect(diffScores(base, inserted).measures.added).toEqual([
        { measureId: M[8], bar: 3 },
        { measureId: M[9], bar: 4 },
      ]);
      const deleted = diffScores(inserted, run([cmd('DeleteMeasures', { fromMeasureId: M[2], toMeasureId: M[3] })], inserted).state);
      expect(deleted.measures.removed).toEqual([
        { measureId: M[2], bar: 5 },
        { measureId: M[3], bar: 6 },
      ]);
    });

    it('should number a pickup as bar 0', () => {
      const pickup = run([createScore({ pickup: f(1, 4) })]).state;
      const after = run([cmd('SetRehearsalMark', { measureId: M[1], text: 'A' })], pickup).state;

      expect(diffScores(pickup, after).measures.changed).toEqual([
        { measureId: M[1], bar: 1, changes: [{ field: 'rehearsalMark', partId: null, staff: null, before: null, after: 'A' }] },
      ]);
    });

    it('should report a time signature change and colour the bar in every part', () => {
      const diff = diffScores(base, at(cmd('SetTimeSignature', { measureId: M[2], timeSignature: { beats: 6, beatType: 8 } })));

      expect(diff.measures.changed).toEqual([
        { measureId: M[2], bar: 3, changes: [{ field: 'timeSignature', partId: null, staff: null, before: null, after: { beats: 6, beatType: 8 } }] },
      ]);
      expect(diff.bars).toEqual([{ partId: PART_1, measureId: M[2], bar: 3 }]);
    });

    it('should report a clef change on its part and staff', () => {
      const clef = { sign: 'F' as const, line: 4 };
      const diff = diffScores(base, at(cmd('SetClef', { partId: PART_1, staff: 1, measureId: M[3], clef })));

      expect(diff.measures.changed[0].changes).toEqual([{ field: 'clef', partId: PART_1, staff: 1, before: null, after: clef }]);
    });
  });

  describe('notes', () => {
    it('should report a written note as added entries and what it replaced as removed', () => {
      const diff = diffScores(base, at(writeNote(E[1], f(0), half, [pitch('D')], { measureId: M[2] })));

      expect(diff.notes).toHaveLength(1);
      const [voice] = diff.notes;
      expect([voice.partId, voice.staff, voice.measureId, voice.voice]).toEqual([PART_1, 1, M[2], 1]);
      expect(voice.added.map((e) => e.id)).toEqual([E[1], `${E[1]}:1`]);
      expect(voice.removed).toEqual([]);
      expect(diff.bars).toEqual([{ partId: PART_1, measureId: M[2], bar: 3 }]);
    });

    it('should report a pitch change on its note with before and after', () => {
      const diff = diffScores(base, at(cmd('ChangePitch', { ...entry, noteId: NOTE, pitch: pitch('B', 4, -1) })));

      expect(diff.notes[0].changed).toEqual([
        expect.objectContaining({ entryId: E[0], changes: [{ field: 'pitch', noteId: NOTE, before: pitch('C', 5), after: pitch('B', 4, -1) }] }),
      ]);
    });

    it('should report ties, articulations, lyrics and added chord notes', () => {
      const tied = at(writeNote(E[1], f(1, 4), quarter, [pitch('C', 5)], { measureId: M[1] }));
      const after = run([
        cmd('SetTie', { ...entry, noteId: NOTE, tied: true }),
        cmd('SetArticulation', { ...entry, articulation: 'accent', present: true }),
        cmd('SetLyric', { ...entry, verse: 1, text: 'la' }),
        cmd('AddChordPitch', { ...entry, noteId: N[0], pitch: pitch('E', 5) }),
      ], tied).state;

      const fields = diffScores(tied, after).notes[0].changed[0].changes.map((c) => [c.field, c.before, c.after]);
      expect(fields).toEqual([
        ['tie', false, true],
        ['note', null, { id: N[0], pitch: pitch('E', 5), tie: false }],
        ['articulations', [], ['accent']],
        ['lyrics', [], [{ verse: 1, text: 'la', syllabic: 'single' }]],
      ]);
    });

    it('should report a deleted note as a chord that became a rest, and shifted entries by their offset', () => {
      const deleted = diffScores(base, at(cmd('DeleteNote', entry))).notes[0].changed[0];
      expect(deleted.changes).toEqual([{ field: 'kind', noteId: null, before: 'chord', after: 'rest' }]);

      const longer = diffScores(base, at(cmd('ChangeDuration', { ...entry, duration: half, restIdSeed: E[5] }))).notes[0];
      expect(longer.changed[0].changes).toEqual([{ field: 'duration', noteId: null, before: quarter, after: half }]);
      expect(longer.removed.length).toBeGreaterThan(0);
    });
  });

  describe('marks', () => {
    it('should report dynamics added and changed, slurs and chord symbols by id', () => {
      const where = { partId: PART_1, staff: 1, measureId: M[1] };
      const withF = at(cmd('SetDynamic', { ...where, offset: f(0), dynamicId: E[10], value: 'f' }));
      const withP = run([cmd('SetDynamic', { ...where, offset: f(0), dynamicId: E[11], value: 'p' })], withF).state;
      const chords = run([cmd('SetChordSymbol', { partId: PART_1, measureId: M[1], offset: f(0), chordSymbolId: E[12], symbol: { root: { step: 'C', alter: 0 }, kind: 'major' } })], withF).state;

      expect(diffScores(base, withF).marks).toEqual([
        { partId: PART_1, staff: 1, measureId: M[1], kind: 'dynamic', added: [{ id: E[10], offset: f(0), value: 'f' }], removed: [], changed: [] },
      ]);
      expect(diffScores(withF, withP).marks[0].changed).toEqual([
        { id: E[10], before: { id: E[10], offset: f(0), value: 'f' }, after: { id: E[10], offset: f(0), value: 'p' } },
      ]);
      expect(diffScores(withF, chords).marks.map((m) => [m.kind, m.staff, m.added.length])).toEqual([['chordSymbol', null, 1]]);
    });
  });
});
