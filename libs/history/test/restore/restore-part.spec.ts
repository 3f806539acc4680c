import { isDomainError, type ActiveScoreState } from '@bandpro/domain';
import { cmd, createScore, E, f, half, M, noteIdFor, PART_1, PART_2, pitch, quarter, writeNote } from '@bandpro/domain/testing';
import { planRestore } from '../../src/restore';
import { Timeline } from '../undo/timeline';
import { measure, restoreTo, withoutPart } from './restore.helpers';

const C7 = { root: { step: 'C' as const, alter: 0 as const }, kind: 'dominant' as const };

/** Ann and Bob write a trumpet and an alto-sax part; returns the timeline and version N. */
function duet(): { t: Timeline; n: number } {
  const t = new Timeline();
  t.edit('ann', createScore({ parts: [{ partId: PART_1, instrumentId: 'trumpet-bb' }, { partId: PART_2, instrumentId: 'alto-sax' }] }));
  t.edit('ann', writeNote(E[0], f(0), quarter));
  t.edit('ann', writeNote(E[1], f(1, 4), half, [pitch('E')]));
  t.edit('ann', cmd('SetDynamic', { partId: PART_1, staff: 1, measureId: M[0], offset: f(0), dynamicId: E[2], value: 'mf' }));
  t.edit('bob', writeNote(E[3], f(0), quarter, [pitch('G')], { partId: PART_2 }));
  return { t, n: t.version };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a domain error';
  }
  return undefined;
}

describe('planRestore, one part', () => {
  it('should put back a part’s notes, marks and name, leaving other parts as they are now', () => {
    const { t, n } = duet();
    t.edit('bob', cmd('ChangePitch', { partId: PART_1, staff: 1, measureId: M[0], voice: 1, entryId: E[0], noteId: noteIdFor(E[0]), pitch: pitch('D') }));
    t.edit('bob', cmd('DeleteNote', { partId: PART_1, staff: 1, measureId: M[0], voice: 1, entryId: E[1] }));
    t.edit('carl', writeNote(E[4], f(0), half, [pitch('A')], { measureId: M[2] }));
    t.edit('carl', cmd('SetDynamic', { partId: PART_1, staff: 1, measureId: M[0], offset: f(0), dynamicId: E[2], value: 'ff' }));
    t.edit('carl', cmd('SetChordSymbol', { partId: PART_1, measureId: M[1], offset: f(0), chordSymbolId: E[5], symbol: C7 }));
    t.edit('carl', cmd('SetClef', { partId: PART_1, staff: 1, measureId: M[1], clef: { sign: 'F', line: 4 } }));
    t.edit('bob', cmd('RenamePart', { partId: PART_1, name: 'Lead', abbreviation: 'Ld.' }));
    t.edit('bob', writeNote(E[6], f(1, 4), quarter, [pitch('B')], { partId: PART_2 }));
    t.edit('bob', cmd('SetTempo', { measureId: M[3], tempo: { bpm: 80, beatUnit: { type: 'quarter', dots: 0 }, text: null } }));

    const { after, before, target, skipped } = restoreTo(t, n, { kind: 'part', partId: PART_1 });

    expect(after.parts.find((p) => p.id === PART_1)).toEqual(target.parts.find((p) => p.id === PART_1));
    for (const id of M.slice(0, 4)) {
      expect(measure(after, id).content[PART_1]).toStrictEqual(measure(target, id).content[PART_1]);
      expect(withoutPart(after, id, PART_1)).toStrictEqual(withoutPart(before, id, PART_1));
    }
    expect(skipped).toEqual([]);
  });

  it('should bring back a part removed since, with its content, where it stood', () => {
    const { t, n } = duet();
    t.edit('bob', cmd('RemovePart', { partId: PART_1 }));

    const { after, target } = restoreTo(t, n, { kind: 'part', partId: PART_1 });

    expect(after).toStrictEqual(target);
  });

  it('should put back the instrument a part had', () => {
    const { t, n } = duet();
    t.edit('bob', cmd('ChangeInstrument', { partId: PART_1, instrumentId: 'flute' }));

    const { after, target } = restoreTo(t, n, { kind: 'part', partId: PART_1 });

    expect(after).toStrictEqual(target);
  });

  it('should replace a part that came back with another staff count by the part as it was', () => {
    const { t, n } = duet();
    t.edit('bob', cmd('RemovePart', { partId: PART_1 }));
    t.edit('bob', cmd('AddPart', { partId: PART_1, instrumentId: 'piano', index: 0 }));

    const { after, target } = restoreTo(t, n, { kind: 'part', partId: PART_1 });

    expect(after).toStrictEqual(target);
  });

  it('should report bars deleted since instead of failing, and restore the others', () => {
    const { t, n } = duet();
    t.edit('bob', writeNote(E[4], f(0), half, [pitch('A')], { measureId: M[1] }));
    t.edit('carl', cmd('DeleteMeasures', { fromMeasureId: M[0], toMeasureId: M[0] }));
    t.edit('carl', cmd('InsertMeasures', { beforeMeasureId: null, measureIds: [M[9]] }));

    const { after, target, skipped } = restoreTo(t, n, { kind: 'part', partId: PART_1 });

    expect(skipped).toEqual([{ measureId: M[0], partId: null, reason: 'measure-deleted' }]);
    expect(measure(after, M[1]).content[PART_1]).toStrictEqual(measure(target, M[1]).content[PART_1]);
  });

  it('should report old content that no longer fits a measure made shorter since', () => {
    const { t, n } = duet();
    t.edit('bob', cmd('DeleteNote', { partId: PART_1, staff: 1, measureId: M[0], voice: 1, entryId: E[1] }));
    t.edit('bob', cmd('ChangeDuration', { partId: PART_1, staff: 1, measureId: M[0], voice: 1, entryId: E[1], duration: quarter, restIdSeed: E[7] }));
    t.edit('bob', cmd('SetTimeSignature', { measureId: M[0], timeSignature: { beats: 2, beatType: 4 } }));

    const { skipped } = restoreTo(t, n, { kind: 'part', partId: PART_1 });

    expect(skipped).toContainEqual({ measureId: M[0], partId: PART_1, reason: 'content-does-not-fit' });
  });

  it('should refuse a part the version does not have', () => {
    const { t, n } = duet();
    t.edit('bob', cmd('AddPart', { partId: E[9], instrumentId: 'flute' }));

    expect(codeOf(() => restoreTo(t, n, { kind: 'part', partId: E[9] }))).toBe('RESTORE_SCOPE_NOT_FOUND');
    expect(codeOf(() => planRestore({ current: t.state, target: { status: 'empty' }, eventsSince: [], scope: { kind: 'part', partId: PART_1 } }))).toBe(
      'RESTORE_SCOPE_NOT_FOUND',
    );
    expect((t.state as ActiveScoreState).parts).toHaveLength(3);
  });
});

describe('planRestore, one part, clefs', () => {
  it('should keep the clef a part had when its instrument changed since to one with another clef', () => {
    const { t, n } = duet();
    t.edit('bob', cmd('ChangeInstrument', { partId: PART_1, instrumentId: 'trombone' }));
    t.edit('bob', cmd('SetClef', { partId: PART_1, staff: 1, measureId: M[2], clef: { sign: 'G', line: 2 } }));
    t.edit('bob', cmd('InsertMeasures', { beforeMeasureId: M[3], measureIds: [M[9]] }));

    const { after, target, before } = restoreTo(t, n, { kind: 'part', partId: PART_1 });

    for (const id of M.slice(0, 4)) expect(measure(after, id)).toStrictEqual(measure(target, id));
    expect(measure(after, M[9])).toStrictEqual(measure(before, M[9]));
  });
});
