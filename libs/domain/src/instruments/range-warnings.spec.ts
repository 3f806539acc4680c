import { rangeWarnings, type ActiveScoreState, type ScoreCommand } from '../index';
import { initialScoreState as initialState } from '../score/model/score.state';
import { cmd, createScore, E, f, half, M, PART_1, PIANO, pitch, quarter, run, whole, writeNote } from '../testing';

const stateAfter = (commands: ScoreCommand[]): ActiveScoreState => run(commands).state as ActiveScoreState;

describe('range warnings', () => {
  it('should find nothing when every note of a B♭ trumpet sounds between E3 and C6', () => {
    const state = stateAfter([createScore(), writeNote(E[0], f(0), half, [pitch('E', 3)]), writeNote(E[1], f(1, 2), half, [pitch('C', 6)])]);

    expect(rangeWarnings(state)).toEqual([]);
  });

  it('should warn about a trumpet note sounding below E3, giving where it is and what the player reads', () => {
    const state = stateAfter([createScore(), writeNote(E[0], f(0), quarter, [pitch('D', 3)], { measureId: M[2] })]);

    const [warning, ...others] = rangeWarnings(state);

    expect(others).toEqual([]);
    expect(warning).toMatchObject({
      partId: PART_1, measureId: M[2], bar: 3, staff: 1, voice: 1, entryId: E[0],
      pitch: pitch('D', 3), written: pitch('E', 3), severity: 'outside',
      range: { low: pitch('E', 3), high: pitch('C', 6) },
    });
  });

  it('should warn about every note of a chord that leaves the range, and only those', () => {
    const state = stateAfter([createScore(), writeNote(E[0], f(0), whole, [pitch('A', 5), pitch('D', 6), pitch('E', 6)])]);

    expect(rangeWarnings(state).map((w) => w.pitch)).toEqual([pitch('D', 6), pitch('E', 6)]);
  });

  it('should number a pickup as bar 0 and the bar after it as bar 1', () => {
    const state = stateAfter([
      createScore({ pickup: f(1, 4) }),
      writeNote(E[0], f(0), quarter, [pitch('C', 7)]),
      writeNote(E[1], f(0), quarter, [pitch('C', 7)], { measureId: M[1] }),
    ]);

    expect(rangeWarnings(state).map((w) => w.bar)).toEqual([0, 1]);
  });

  it('should judge notes by the new instrument after ChangeInstrument, which keeps the sounding pitch', () => {
    const given = [createScore(), writeNote(E[0], f(0), quarter, [pitch('G', 3)])];
    expect(rangeWarnings(stateAfter(given))).toEqual([]);

    const state = stateAfter([...given, cmd('ChangeInstrument', { partId: PART_1, instrumentId: 'flute' })]);

    expect(rangeWarnings(state)).toEqual([
      expect.objectContaining({ pitch: pitch('G', 3), written: pitch('G', 3), range: { low: pitch('C', 4), high: pitch('D', 7) } }),
    ]);
  });

  it('should check every staff and voice of a two-staff part', () => {
    const state = stateAfter([
      createScore(),
      cmd('AddPart', { partId: PIANO, instrumentId: 'piano' }),
      writeNote(E[0], f(0), quarter, [pitch('D', 8)], { partId: PIANO, staff: 2, voice: 3 }),
    ]);

    expect(rangeWarnings(state)).toEqual([expect.objectContaining({ partId: PIANO, staff: 2, voice: 3, entryId: E[0] })]);
  });

  it('should keep to the part and measures asked for, in score order', () => {
    const state = stateAfter([
      createScore(),
      cmd('AddPart', { partId: PIANO, instrumentId: 'flute' }),
      writeNote(E[0], f(0), quarter, [pitch('C', 3)], { measureId: M[3] }),
      writeNote(E[1], f(0), quarter, [pitch('C', 3)], { measureId: M[1] }),
      writeNote(E[2], f(0), quarter, [pitch('C', 3)], { measureId: M[1], partId: PIANO }),
    ]);

    expect(rangeWarnings(state).map((w) => w.entryId)).toEqual([E[1], E[2], E[0]]);
    expect(rangeWarnings(state, { partId: PIANO }).map((w) => w.entryId)).toEqual([E[2]]);
    expect(rangeWarnings(state, { measureIds: [M[3], M[1], M[3]] }).map((w) => w.entryId)).toEqual([E[1], E[2], E[0]]);
    expect(rangeWarnings(state, { partId: PART_1, measureIds: [M[3]] }).map((w) => w.entryId)).toEqual([E[0]]);
  });

  it('should skip a part whose instrument is not in the catalogue', () => {
    const state = stateAfter([createScore(), writeNote(E[0], f(0), quarter, [pitch('C', 1)])]);
    const imported = { ...state, parts: [{ ...state.parts[0], instrumentId: 'nose-flute' }] };

    expect(rangeWarnings(imported)).toEqual([]);
  });

  it('should refuse an unknown part, an unknown measure and a score that does not exist', () => {
    const state = stateAfter([createScore()]);

    expect(() => rangeWarnings(state, { partId: 'no-such-part' })).toThrow(expect.objectContaining({ code: 'REFERENCED_ELEMENT_MUST_EXIST' }));
    expect(() => rangeWarnings(state, { measureIds: ['no-such-measure'] })).toThrow(expect.objectContaining({ code: 'REFERENCED_ELEMENT_MUST_EXIST' }));
    expect(() => rangeWarnings(initialState())).toThrow(expect.objectContaining({ code: 'SCORE_MUST_EXIST' }));
  });
});
