import { exportMidi } from '../../src/midi';
import { cmd, createScore, E, f, half, M, N, PIANO, pitch, quarter, whole, writeNote, noteIdFor, PART_1 } from '@bandpro/domain/testing';
import type { DynamicValue, Fraction, HairpinKind, Score } from '@bandpro/domain';
import { expectedNotes } from './support/expected';
import { readBack } from './support/read-back';
import { scoreAfter, scoreWith } from './support/scores';

let markIds = 0;
const dynamic = (measure: number, offset: Fraction, value: DynamicValue, staff = 1, partId = PART_1) =>
  cmd('SetDynamic', { partId, staff, measureId: M[measure], offset, dynamicId: N[markIds++ % N.length], value });
const hairpin = (kind: HairpinKind, measure: number, offset: Fraction, endMeasure: number, endOffset: Fraction) =>
  cmd('AddHairpin', { partId: PART_1, staff: 1, measureId: M[measure], offset, hairpinId: N[markIds++ % N.length], kind, end: { measureId: M[endMeasure], offset: endOffset } });
/** Quarter notes on every beat of the first `measures` measures, C5 throughout. */
const quarters = (measures: number) =>
  Array.from({ length: measures * 4 }, (_, i) => writeNote(E[i], f(i % 4, 4), quarter, [pitch('C', 5)], { measureId: M[Math.floor(i / 4)] }));
const velocities = (score: Score) => readBack(exportMidi(score)).tracks[0].notes.map((n) => n.velocity);

describe('exportMidi: dynamics as velocities', () => {
  it('should give every dynamic level from ppp to fff its velocity, from where it stands on', () => {
    const levels: DynamicValue[] = ['ppp', 'pp', 'p', 'mp', 'mf', 'f', 'ff', 'fff'];
    const score = scoreAfter(...quarters(3), ...levels.map((value, i) => dynamic(Math.floor(i / 4), f(i % 4, 4), value)));

    expect(velocities(score)).toEqual([16, 33, 49, 64, 80, 96, 112, 127, 127, 127, 127, 127]);
  });

  it('should play mf where no dynamic has been written yet', () => {
    const score = scoreAfter(...quarters(1), dynamic(0, f(1, 2), 'pp'));

    expect(velocities(score)).toEqual([80, 80, 33, 33]);
  });

  it('should accent the notes under sf and sfz, then return to the level in force', () => {
    const score = scoreAfter(...quarters(2), dynamic(0, f(0), 'p'), dynamic(0, f(1, 4), 'sf'), dynamic(0, f(3, 4), 'sfz'), dynamic(1, f(0), 'fff'), dynamic(1, f(1, 4), 'sf'));

    // An sf within fff is not softer than fff.
    expect(velocities(score)).toEqual([49, 112, 49, 112, 127, 127, 127, 127]);
  });

  it('should play fp loud on its note and soft after it', () => {
    const score = scoreAfter(...quarters(1), dynamic(0, f(1, 4), 'fp'));

    expect(velocities(score)).toEqual([80, 96, 49, 49]);
  });

  it('should give a tied note the velocity of its first note', () => {
    const score = scoreAfter(
      writeNote(E[0], f(0), whole, [pitch('G', 4)]),
      writeNote(E[1], f(0), whole, [pitch('G', 4)], { measureId: M[1] }),
      cmd('SetTie', { partId: PART_1, staff: 1, measureId: M[0], voice: 1, entryId: E[0], noteId: noteIdFor(E[0]), tied: true }),
      dynamic(0, f(0), 'pp'),
      dynamic(1, f(0), 'ff'),
    );

    expect(readBack(exportMidi(score)).tracks[0].notes).toEqual([{ midi: 67, ticks: 0, durationTicks: 3840, velocity: 33 }]);
  });

  it('should apply a dynamic to every voice and both staves of the part, the upper staff winning on the same spot', () => {
    const at = (staff: number, voice = 1) => ({ partId: PIANO, staff, voice });
    const score = scoreWith(
      createScore({ parts: [{ partId: PIANO, instrumentId: 'piano' }] }),
      writeNote(E[0], f(0), half, [pitch('C', 5)], at(1)),
      writeNote(E[1], f(1, 2), half, [pitch('D', 5)], at(1)),
      writeNote(E[2], f(0), whole, [pitch('E', 4)], at(1, 2)),
      writeNote(E[3], f(0), half, [pitch('C', 3)], at(2)),
      writeNote(E[4], f(1, 2), half, [pitch('G', 2)], at(2)),
      dynamic(0, f(0), 'p', 1, PIANO),
      dynamic(0, f(1, 2), 'ff', 2, PIANO),
      dynamic(0, f(0), 'f', 2, PIANO),
    );

    const notes = readBack(exportMidi(score)).tracks[0].notes;

    const velocity = (measureIndex: number, offset: Fraction) => (offset.num === 0 ? 49 : 112);
    expect(notes).toEqual(expectedNotes(score, PIANO, { velocity }));
    expect(notes.map((n) => [n.midi, n.velocity])).toEqual([[48, 49], [64, 49], [72, 49], [43, 112], [74, 112]]);
  });

  describe('hairpins', () => {
    it('should ramp a crescendo from the level at its start to the dynamic at its end', () => {
      const score = scoreAfter(...quarters(2), dynamic(0, f(0), 'p'), hairpin('crescendo', 0, f(0), 1, f(0)), dynamic(1, f(0), 'f'));

      // 49 + (96 - 49) x 0, 1/4, 1/2, 3/4, then f.
      expect(velocities(score)).toEqual([49, 61, 73, 84, 96, 96, 96, 96]);
    });

    it('should go one level further when no dynamic stands at its end, and stay there', () => {
      const score = scoreAfter(...quarters(3), hairpin('crescendo', 0, f(0), 1, f(0)), hairpin('diminuendo', 1, f(1, 2), 2, f(0)));

      // mf (80) up to f (96) over the first measure; from f down to mf over the second half of the next.
      expect(velocities(score)).toEqual([80, 84, 88, 92, 96, 96, 96, 88, 80, 80, 80, 80]);
    });

    it('should stay within ppp and fff', () => {
      const score = scoreAfter(...quarters(2), dynamic(0, f(0), 'fff'), hairpin('crescendo', 0, f(1, 4), 0, f(3, 4)), dynamic(1, f(0), 'ppp'), hairpin('diminuendo', 1, f(0), 1, f(1, 2)));

      expect(velocities(score)).toEqual([127, 127, 127, 127, 16, 16, 16, 16]);
    });

    it('should lead a hairpin to a dynamic written inside it, which then stays in force', () => {
      const score = scoreAfter(...quarters(3), dynamic(0, f(0), 'pp'), hairpin('crescendo', 0, f(0), 2, f(0)), dynamic(1, f(0), 'mp'));

      // pp (33) up to mp (64) over the first measure: 33 + 31 x 0, 1/4, 1/2, 3/4.
      expect(velocities(score)).toEqual([33, 41, 49, 56, 64, 64, 64, 64, 64, 64, 64, 64]);
    });

    it('should ignore a hairpin whose end is no longer in the score', () => {
      const score = scoreAfter(...quarters(1), hairpin('crescendo', 0, f(0), 1, f(0)));
      const staff = score.measures[0].content[PART_1].staves[0];
      staff.hairpins = staff.hairpins.map((h) => ({ ...h, end: { measureId: 'gone', offset: f(0) } }));

      expect(velocities(score)).toEqual([80, 80, 80, 80]);
    });
  });
});
