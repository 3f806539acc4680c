import { isDomainError, type ActiveScoreState, type ScoreState } from '@bandpro/domain';
import { cmd, createScore, E, M, noteIdFor, PART_1, pitch, quarter, half, writeNote, f } from '@bandpro/domain/testing';
import { undoStackOf } from '../../src/undo';
import { Timeline } from './timeline';

const ANN = 'ann';
const BOB = 'bob';
const CARL = 'carl';

function voice(state: ScoreState, measure: number): string[] {
  return (state as ActiveScoreState).measures[measure].content[PART_1].staves[0].voices[0].map((e) => e.id);
}

function pitchOf(state: ScoreState, measure: number, entryId: string) {
  const entry = (state as ActiveScoreState).measures[measure].content[PART_1].staves[0].voices[0].find((e) => e.id === entryId);
  return entry?.kind === 'chord' ? entry.notes[0].pitch : undefined;
}

const changePitch = (entryId: string, measure: number, step: 'C' | 'D' | 'E' | 'F') =>
  cmd('ChangePitch', { partId: PART_1, staff: 1, measureId: M[measure], voice: 1, entryId, noteId: noteIdFor(entryId), pitch: pitch(step) });

function thrown(run: () => unknown): { code: string; details: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, details: { ...error.details } };
    throw error;
  }
  throw new Error('expected an error');
}

/** Ann creates the score, then each person writes a quarter note in a measure of their own. */
function band(): Timeline {
  const t = new Timeline();
  t.edit(ANN, createScore());
  return t;
}

describe('undo and redo per user', () => {
  it('should undo my last change after others edited elsewhere, keeping their edits', () => {
    const t = band();
    t.edit(ANN, writeNote(E[0], f(0), quarter));
    t.edit(BOB, writeNote(E[1], f(0), quarter, [pitch('G')], { measureId: M[1] }));

    t.undo(ANN);

    const onlyBob = band();
    onlyBob.edit(BOB, writeNote(E[1], f(0), quarter, [pitch('G')], { measureId: M[1] }));
    expect(t.state).toStrictEqual(onlyBob.state);
    expect(voice(t.state, 1)).toContain(E[1]);
  });

  it('should refuse an undo whose note another person changed the pitch of since, naming that change', () => {
    const t = band();
    t.edit(ANN, writeNote(E[0], f(0), quarter));
    t.edit(ANN, changePitch(E[0], 0, 'D'));
    const bobs = t.edit(BOB, changePitch(E[0], 0, 'E'));

    const error = thrown(() => t.undo(ANN));

    expect(error.code).toBe('UNDO_CONFLICT');
    expect(error.details).toMatchObject({ elementId: E[0], commandId: bobs, version: t.version, actor: { id: BOB, kind: 'user' } });
    expect(pitchOf(t.state, 0, E[0])).toEqual(pitch('E'));
  });

  it('should refuse an undo whose bar was deleted since, naming the deletion', () => {
    const t = band();
    t.edit(ANN, writeNote(E[0], f(0), quarter, [pitch('C')], { measureId: M[1] }));
    t.edit(CARL, writeNote(E[1], f(0), quarter, [pitch('G')], { measureId: M[2] }));
    const deletion = t.edit(BOB, cmd('DeleteMeasures', { fromMeasureId: M[1], toMeasureId: M[1] }));

    const error = thrown(() => t.undo(ANN));

    expect(error.code).toBe('UNDO_CONFLICT');
    expect(error.details).toMatchObject({ elementId: E[0], commandId: deletion, actor: { id: BOB } });
    expect(error.details.reason).toMatch(/does not apply/);
  });

  it('should name the change that wrote into a measure I inserted when undoing the insertion', () => {
    const t = band();
    t.edit(ANN, cmd('InsertMeasures', { beforeMeasureId: null, measureIds: [M[9]] }));
    const bobs = t.edit(BOB, writeNote(E[1], f(0), quarter, [pitch('G')], { measureId: M[9] }));

    expect(thrown(() => t.undo(ANN)).details).toMatchObject({ elementId: M[9], commandId: bobs });
  });

  it('should undo my note when someone else wrote in another voice of the same bar since', () => {
    const t = band();
    t.edit(ANN, writeNote(E[0], f(0), quarter));
    t.edit(CARL, writeNote(E[1], f(0), half, [pitch('E', 3)], { voice: 2 }));

    t.undo(ANN);

    expect(voice(t.state, 0)).not.toContain(E[0]);
    expect((t.state as ActiveScoreState).measures[0].content[PART_1].staves[0].voices[1].map((e) => e.id)).toContain(E[1]);
  });

  it('should refuse to undo my note once someone else wrote over the rests it left in that voice', () => {
    const t = band();
    t.edit(ANN, writeNote(E[0], f(0), quarter));
    const carls = t.edit(CARL, writeNote(E[1], f(1, 2), quarter, [pitch('E')]));

    expect(thrown(() => t.undo(ANN))).toMatchObject({ code: 'UNDO_CONFLICT', details: { commandId: carls, actor: { id: CARL } } });
  });

  it('should redo an undone change and undo it again', () => {
    const t = band();
    const before = t.state;
    t.edit(ANN, writeNote(E[0], f(0), quarter));
    t.edit(BOB, writeNote(E[1], f(0), quarter, [pitch('G')], { measureId: M[1] }));
    const afterBoth = t.state;

    t.undo(ANN);
    expect(voice(t.state, 0)).toEqual(voice(before, 0));
    t.redo(ANN);
    expect(t.state).toStrictEqual(afterBoth);
    t.undo(ANN);
    expect(voice(t.state, 0)).toEqual(voice(before, 0));
    expect(voice(t.state, 1)).toEqual(voice(afterBoth, 1));
    expect(undoStackOf(t.changes(), ANN).redoable).toHaveLength(1);
  });

  it('should walk back two of my changes with two undos, skipping changes by others', () => {
    const t = band();
    const created = t.state;
    const annsNote = t.edit(ANN, writeNote(E[0], f(0), quarter));
    t.edit(BOB, writeNote(E[1], f(0), quarter, [pitch('G')], { measureId: M[1] }));
    const annsTempo = t.edit(ANN, cmd('SetTempo', { measureId: M[2], tempo: { bpm: 90, beatUnit: { type: 'quarter', dots: 0 }, text: null } }));
    t.edit(CARL, writeNote(E[2], f(0), quarter, [pitch('A')], { measureId: M[3] }));

    expect(t.undo(ANN).target.commandId).toBe(annsTempo);
    expect(t.undo(ANN).target.commandId).toBe(annsNote);

    const s = t.state as ActiveScoreState;
    expect(s.measures[2].tempo).toBeNull();
    expect(voice(s, 0)).toEqual(voice(created, 0));
    expect(voice(s, 1)).toContain(E[1]);
    expect(voice(s, 3)).toContain(E[2]);
  });

  it('should refuse to undo the creation of a score others have edited since, naming the first such edit', () => {
    const t = band();
    const bobs = t.edit(BOB, writeNote(E[1], f(0), quarter, [pitch('G')], { measureId: M[1] }));

    expect(thrown(() => t.undo(ANN))).toMatchObject({ code: 'UNDO_CONFLICT', details: { elementId: M[1], commandId: bobs } });
  });

  it('should refuse an undo without naming a change when no later change shares its elements', () => {
    const t = band();
    t.edit(BOB, cmd('UpdateScoreInfo', { title: 'Renamed' }));

    expect(thrown(() => t.undo(ANN))).toMatchObject({ code: 'UNDO_CONFLICT', details: { commandId: null, actor: null, elementId: null } });
  });

  it('should refuse a redo whose note another person changed since', () => {
    const t = band();
    t.edit(ANN, writeNote(E[0], f(0), quarter));
    t.edit(ANN, changePitch(E[0], 0, 'D'));
    t.undo(ANN);
    const bobs = t.edit(BOB, changePitch(E[0], 0, 'F'));

    expect(thrown(() => t.redo(ANN))).toMatchObject({ code: 'REDO_CONFLICT', details: { commandId: bobs, actor: { id: BOB } } });
  });

  it('should say when there is nothing to undo or redo', () => {
    const t = band();

    expect(thrown(() => t.undo(CARL))).toMatchObject({ code: 'NOTHING_TO_UNDO', details: { userId: CARL } });
    expect(thrown(() => t.redo(ANN))).toMatchObject({ code: 'NOTHING_TO_REDO', details: { userId: ANN } });
  });

  it('should give back the state before my change, bit for bit, when nobody edited after it', () => {
    const t = band();
    t.edit(BOB, writeNote(E[1], f(0), quarter, [pitch('G')], { measureId: M[1] }));
    t.edit(ANN, writeNote(E[0], f(0), quarter));
    const before = t.state;
    t.edit(ANN, cmd('DeleteMeasures', { fromMeasureId: M[0], toMeasureId: M[1] }));

    t.undo(ANN);

    expect(t.state).toStrictEqual(before);
  });
});

describe('undoStackOf', () => {
  it('should keep each user’s stacks apart and clear my redo stack when I edit again', () => {
    const t = band();
    const a1 = t.edit(ANN, writeNote(E[0], f(0), quarter));
    const b1 = t.edit(BOB, writeNote(E[1], f(0), quarter, [pitch('G')], { measureId: M[1] }));
    t.undo(ANN);
    t.undo(BOB);

    expect(undoStackOf(t.changes(), ANN).undoable.map((c) => c.commandId)).not.toContain(a1);
    expect(undoStackOf(t.changes(), ANN).redoable).toHaveLength(1);
    expect(undoStackOf(t.changes(), BOB).redoable.map((c) => c.target)).toEqual([b1]);

    const a2 = t.edit(ANN, writeNote(E[2], f(0), quarter, [pitch('A')], { measureId: M[2] }));

    expect(undoStackOf(t.changes(), ANN).redoable).toEqual([]);
    expect(undoStackOf(t.changes(), ANN).undoable.map((c) => c.commandId).slice(-1)).toEqual([a2]);
    expect(undoStackOf(t.changes(), BOB).redoable).toHaveLength(1);
  });

  it('should push a redo back as undoable and ignore marks that reverse nothing on the stack', () => {
    const t = band();
    t.edit(ANN, writeNote(E[0], f(0), quarter));
    t.undo(ANN);
    const redo = t.redo(ANN);
    const changes = t.changes();
    const redoChange = changes[changes.length - 1];
    const stray = { ...redoChange, commandId: 'stray', kind: 'undo' as const, target: 'not-on-the-stack' };

    const stack = undoStackOf([...changes, stray], ANN);

    expect(redo.target.kind).toBe('undo');
    expect(stack.undoable[stack.undoable.length - 1]).toBe(redoChange);
    expect(stack.redoable).toEqual([]);
  });
});
