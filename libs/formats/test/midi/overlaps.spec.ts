import { exportMidi } from '../../src/midi';
import { cmd, createScore, E, f, half, M, N, PIANO, pitch, quarter, whole, writeNote } from '@bandpro/domain/testing';
import type { Duration } from '@bandpro/domain';
import { readBack } from './support/read-back';
import { scoreAfter, scoreWith } from './support/scores';

const at = (staff: number, voice: number) => ({ partId: PIANO, staff, voice, measureId: M[0] });
const pianoScore = (...commands: Parameters<typeof scoreWith>[1][]) => scoreWith(createScore({ parts: [{ partId: PIANO, instrumentId: 'piano' }] }), ...commands);

describe('exportMidi: one key sounded by several voices', () => {
  it('should sound a unison struck by two voices once, as long as the longest', () => {
    const score = pianoScore(
      writeNote(E[0], f(0), whole, [pitch('C', 5)], at(1, 1)),
      writeNote(E[1], f(0), quarter, [pitch('C', 5)], at(1, 2)),
      writeNote(E[2], f(0), half, [pitch('C', 5)], at(2, 1)),
      cmd('SetDynamic', { partId: PIANO, staff: 1, measureId: M[0], offset: f(0), dynamicId: N[0], value: 'f' }),
    );

    expect(readBack(exportMidi(score)).tracks[0].notes).toEqual([{ midi: 72, ticks: 0, durationTicks: 1920, velocity: 96 }]);
  });

  it('should strike a key again where another voice enters on it, holding it as long as either voice does', () => {
    const score = pianoScore(
      writeNote(E[0], f(0), whole, [pitch('G', 4)], at(1, 1)),
      writeNote(E[1], f(1, 4), quarter, [pitch('G', 4)], at(1, 2)),
      writeNote(E[2], f(0), half, [pitch('E', 4)], at(1, 3)),
      writeNote(E[3], f(1, 4), { type: 'half', dots: 1 }, [pitch('E', 4)], at(1, 4)),
    );

    expect(readBack(exportMidi(score)).tracks[0].notes).toEqual([
      { midi: 64, ticks: 0, durationTicks: 480, velocity: 80 },
      { midi: 67, ticks: 0, durationTicks: 480, velocity: 80 },
      { midi: 64, ticks: 480, durationTicks: 1440, velocity: 80 },
      { midi: 67, ticks: 480, durationTicks: 1440, velocity: 80 },
    ]);
  });

  it('should keep every note at least one tick long when the ppq is too coarse for the rhythm', () => {
    const sixteenth: Duration = { type: '16th', dots: 0 };
    const score = scoreAfter(...['C', 'D', 'E', 'F'].map((step, i) => writeNote(E[i], f(i, 16), sixteenth, [pitch(step as 'C', 5)])));

    expect(readBack(exportMidi(score, { ppq: 1 })).tracks[0].notes.map((n) => [n.midi, n.ticks, n.durationTicks])).toEqual([
      [72, 0, 1],
      [74, 0, 1],
      [76, 1, 1],
      [77, 1, 1],
    ]);
  });
});
