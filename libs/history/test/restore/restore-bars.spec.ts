import { isDomainError, keySignatureAt, type ActiveScoreState } from '@bandpro/domain';
import { cmd, createScore, E, f, half, M, noteIdFor, PART_1, PART_2, pitch, quarter, writeNote } from '@bandpro/domain/testing';
import { Timeline } from '../undo/timeline';
import { measure, restoreTo } from './restore.helpers';

const BASS = { sign: 'F' as const, line: 4 };
const TEMPO = { bpm: 96, beatUnit: { type: 'quarter' as const, dots: 0 }, text: null };

/** Two parts with a note in each of the four bars of part 1 and in bar 2 of part 2; returns version N. */
function arrangement(): { t: Timeline; n: number } {
  const t = new Timeline();
  t.edit('ann', createScore({ parts: [{ partId: PART_1, instrumentId: 'trumpet-bb' }, { partId: PART_2, instrumentId: 'alto-sax' }] }));
  M.slice(0, 4).forEach((id, i) => t.edit('ann', writeNote(E[i], f(0), quarter, [pitch('C')], { measureId: id })));
  t.edit('bob', writeNote(E[10], f(0), half, [pitch('G')], { partId: PART_2, measureId: M[1] }));
  t.edit('bob', cmd('SetDynamic', { partId: PART_2, staff: 1, measureId: M[1], offset: f(0), dynamicId: E[11], value: 'p' }));
  return { t, n: t.version };
}

const changePitch = (measureId: string, entryId: string) =>
  cmd('ChangePitch', { partId: PART_1, staff: 1, measureId, voice: 1, entryId, noteId: noteIdFor(entryId), pitch: pitch('F') });

function codeAndDetails(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return isDomainError(error) ? { code: error.code, details: error.details } : error;
  }
  return undefined;
}

describe('planRestore, a range of bars', () => {
  it('should restore every part and the attributes of the bars in range, leaving the others as they are now', () => {
    const { t, n } = arrangement();
    M.slice(0, 4).forEach((id, i) => t.edit('bob', changePitch(id, E[i])));
    t.edit('carl', cmd('RemoveDynamic', { partId: PART_2, staff: 1, measureId: M[1], dynamicId: E[11] }));
    t.edit('carl', writeNote(E[12], f(1, 2), quarter, [pitch('A')], { partId: PART_2, measureId: M[2] }));
    t.edit('carl', cmd('SetTempo', { measureId: M[1], tempo: TEMPO }));
    t.edit('carl', cmd('SetTempo', { measureId: M[3], tempo: TEMPO }));
    t.edit('bob', cmd('SetRehearsalMark', { measureId: M[2], text: 'B' }));
    t.edit('bob', cmd('SetBarline', { measureId: M[2], side: 'end', style: 'double' }));
    t.edit('bob', cmd('SetBarline', { measureId: M[1], side: 'start', style: 'repeat-start' }));
    t.edit('bob', cmd('SetVolta', { fromMeasureId: M[2], toMeasureId: M[2], numbers: [1] }));

    const { after, before, target, skipped } = restoreTo(t, n, { kind: 'bars', fromMeasureId: M[2], toMeasureId: M[1] });

    expect(measure(after, M[1])).toStrictEqual(measure(target, M[1]));
    expect(measure(after, M[2])).toStrictEqual(measure(target, M[2]));
    expect(measure(after, M[0])).toBe(measure(before, M[0]));
    expect(measure(after, M[3])).toBe(measure(before, M[3]));
    expect(after.parts).toBe(before.parts);
    expect(skipped).toEqual([]);
  });

  it('should restore a time signature and keep the key in force after the range', () => {
    const { t, n } = arrangement();
    t.edit('bob', cmd('SetKeySignature', { measureId: M[1], keySignature: { fifths: 2, mode: 'major' } }));
    t.edit('bob', cmd('SetTimeSignature', { measureId: M[2], timeSignature: { beats: 2, beatType: 4 } }));

    const { after, before, target } = restoreTo(t, n, { kind: 'bars', fromMeasureId: M[1], toMeasureId: M[1] });

    expect(measure(after, M[1])).toStrictEqual(measure(target, M[1]));
    expect(keySignatureAt(after, 2)).toEqual(keySignatureAt(before, 2));
    expect(measure(after, M[2]).content).toBe(measure(before, M[2]).content);

    const later = restoreTo(t, n, { kind: 'bars', fromMeasureId: M[2], toMeasureId: M[2] });
    expect(measure(later.after, M[2])).toStrictEqual({ ...measure(later.target, M[2]), keySignature: { fifths: 0, mode: 'major' } });
    expect(keySignatureAt(later.after, 3)).toEqual(keySignatureAt(later.before, 3));
  });

  it('should report bars deleted since and parts removed since', () => {
    const { t, n } = arrangement();
    t.edit('bob', cmd('DeleteMeasures', { fromMeasureId: M[2], toMeasureId: M[2] }));
    t.edit('carl', cmd('RemovePart', { partId: PART_2 }));
    const shortened = t.state as ActiveScoreState;

    const { after, skipped } = restoreTo(t, n, { kind: 'bars', fromMeasureId: M[1], toMeasureId: M[2] });

    expect(skipped).toEqual([
      { measureId: M[2], partId: null, reason: 'measure-deleted' },
      { measureId: M[1], partId: PART_2, reason: 'part-removed' },
    ]);
    expect(after.parts).toEqual(shortened.parts);
  });

  it('should put back a bar’s clef and keep the clef in force after it', () => {
    const { t, n } = arrangement();
    t.edit('carl', cmd('SetClef', { partId: PART_1, staff: 1, measureId: M[1], clef: BASS }));

    const { after, target } = restoreTo(t, n, { kind: 'bars', fromMeasureId: M[1], toMeasureId: M[1] });

    expect(measure(after, M[1])).toStrictEqual(measure(target, M[1]));
    expect(measure(after, M[2]).content[PART_1].staves[0].clef).toEqual(BASS);
  });

  it('should give a bar back the meter it had when the bar before it changed meter since', () => {
    const { t, n } = arrangement();
    t.edit('bob', cmd('SetTimeSignature', { measureId: M[2], timeSignature: { beats: 2, beatType: 4 } }));

    const { skipped, after, target } = restoreTo(t, n, { kind: 'bars', fromMeasureId: M[3], toMeasureId: M[3] });

    expect(skipped).toEqual([]);
    expect(measure(after, M[3])).toStrictEqual({ ...measure(target, M[3]), timeSignature: { beats: 4, beatType: 4 } });
  });

  it('should report a part that came back with another staff count', () => {
    const { t, n } = arrangement();
    t.edit('carl', cmd('RemovePart', { partId: PART_2 }));
    t.edit('carl', cmd('AddPart', { partId: PART_2, instrumentId: 'piano' }));

    expect(restoreTo(t, n, { kind: 'bars', fromMeasureId: M[1], toMeasureId: M[1] }).skipped).toEqual([
      { measureId: M[1], partId: PART_2, reason: 'staves-changed' },
    ]);
  });

  it('should refuse bars the version does not have', () => {
    const { t, n } = arrangement();
    t.edit('bob', cmd('InsertMeasures', { beforeMeasureId: null, measureIds: [M[9]] }));

    expect(codeAndDetails(() => restoreTo(t, n, { kind: 'bars', fromMeasureId: M[9], toMeasureId: M[1] }))).toEqual({
      code: 'RESTORE_SCOPE_NOT_FOUND',
      details: { scope: 'bars', missing: [M[9]] },
    });
  });
});
