import { exportMidi } from '../../src/midi';
import { cmd, createScore, E, eighth, f, half, M, noteIdFor, PART_1, pitch, quarter, triplet, whole, writeNote } from '@bandpro/domain/testing';
import { addF, durationToFraction, type Duration, type Fraction } from '@bandpro/domain';
import { expectedNotes } from './support/expected';
import { readBack } from './support/read-back';
import { scoreAfter, scoreWith } from './support/scores';

const at = (measure: number) => ({ measureId: M[measure] });
const tie = (entryId: string, measure = 0, k = 1) =>
  cmd('SetTie', { partId: PART_1, staff: 1, measureId: M[measure], voice: 1, entryId, noteId: noteIdFor(entryId, k), tied: true });
const notesOf = (bytes: Uint8Array) => readBack(bytes).tracks[0].notes;
const note = (midi: number, ticks: number, durationTicks: number) => ({ midi, ticks, durationTicks, velocity: 80 });

/** `count` notes of `duration` from `start` (whole notes), each a step up the C major scale from C5. */
function run(count: number, duration: Duration, start: Fraction = f(0), first = 0) {
  const steps = ['C', 'D', 'E', 'F', 'G', 'A', 'B'] as const;
  let offset = start;
  return Array.from({ length: count }, (_, i) => {
    const command = writeNote(E[first + i], offset, duration, [pitch(steps[i % 7], 5)]);
    offset = addF(offset, durationToFraction(duration));
    return command;
  });
}

describe('exportMidi: rhythm', () => {
  it('should place triplets exactly, in ticks counted from fractions of a whole note', () => {
    const score = scoreAfter(...run(3, triplet('eighth')), ...run(3, triplet('quarter'), f(1, 4), 3));

    expect(notesOf(exportMidi(score))).toEqual([
      note(72, 0, 160),
      note(74, 160, 160),
      note(76, 320, 160),
      note(72, 480, 320),
      note(74, 800, 320),
      note(76, 1120, 320),
    ]);
  });

  it('should round the positions of tuplets that do not divide the ppq, never letting the group drift', () => {
    const septuplet: Duration = { type: '16th', dots: 0, tuplet: { actual: 7, normal: 4 } };
    const quintuplet: Duration = { type: '16th', dots: 0, tuplet: { actual: 5, normal: 4 } };
    const score = scoreAfter(...run(7, septuplet), ...run(5, quintuplet, f(1, 4), 7));

    const notes = notesOf(exportMidi(score));

    // 1/28 of a whole note is 68 4/7 ticks: starts round to 0, 69, 137, 206, 274, 343, 411 and the group ends on 480.
    expect(notes.slice(0, 7).map((n) => [n.ticks, n.durationTicks])).toEqual([[0, 69], [69, 68], [137, 69], [206, 68], [274, 69], [343, 68], [411, 69]]);
    expect(notes.slice(7).map((n) => [n.ticks, n.durationTicks])).toEqual([[480, 96], [576, 96], [672, 96], [768, 96], [864, 96]]);
    expect(notes).toEqual(expectedNotes(score, PART_1));
  });

  it('should play dotted and double-dotted values at their full length', () => {
    const score = scoreAfter(
      writeNote(E[0], f(0), { type: 'quarter', dots: 2 }, [pitch('G', 4)]),
      writeNote(E[1], f(7, 16), { type: '16th', dots: 0 }, [pitch('A', 4)]),
      writeNote(E[2], f(1, 2), { type: 'quarter', dots: 1 }, [pitch('B', 4)]),
      writeNote(E[3], f(7, 8), eighth, [pitch('C', 5)]),
    );

    expect(notesOf(exportMidi(score))).toEqual([note(67, 0, 840), note(69, 840, 120), note(71, 960, 720), note(72, 1680, 240)]);
  });

  it('should merge tied notes into one long note, across the barline and along a chain', () => {
    const score = scoreAfter(
      writeNote(E[0], f(0), half, [pitch('C', 5)]),
      writeNote(E[1], f(1, 2), half, [pitch('E', 5)]),
      writeNote(E[2], f(0), quarter, [pitch('E', 5)], at(1)),
      writeNote(E[3], f(1, 4), quarter, [pitch('E', 5)], at(1)),
      writeNote(E[4], f(1, 2), half, [pitch('E', 5)], at(1)),
      tie(E[1]),
      tie(E[2], 1),
      tie(E[3], 1),
    );

    const notes = notesOf(exportMidi(score));

    expect(notes).toEqual([note(72, 0, 960), note(76, 960, 960 + 1920)]);
    expect(notes).toEqual(expectedNotes(score, PART_1));
  });

  it('should tie only the chord notes that are tied, and to the equal pitch whatever else the next chord holds', () => {
    const score = scoreAfter(
      writeNote(E[0], f(0), half, [pitch('C', 4), pitch('E', 4), pitch('G', 4)]),
      writeNote(E[1], f(1, 2), half, [pitch('A', 3), pitch('E', 4), pitch('C', 5)]),
      tie(E[0], 0, 2),
    );

    expect(notesOf(exportMidi(score))).toEqual([note(60, 0, 960), note(64, 0, 1920), note(67, 0, 960), note(57, 960, 960), note(72, 960, 960)]);
  });

  it('should end a tied note normally when the pitch after it has since changed', () => {
    const score = scoreAfter(
      writeNote(E[0], f(0), half, [pitch('D', 5)]),
      writeNote(E[1], f(1, 2), half, [pitch('D', 5)]),
      tie(E[0]),
      cmd('ChangePitch', { partId: PART_1, staff: 1, measureId: M[0], voice: 1, entryId: E[1], noteId: noteIdFor(E[1]), pitch: pitch('F', 5) }),
    );

    expect(notesOf(exportMidi(score))).toEqual([note(74, 0, 960), note(77, 960, 960)]);
  });

  it('should tie enharmonic spellings of the same key', () => {
    const score = scoreAfter(writeNote(E[0], f(0), half, [pitch('G', 4, 1)]), writeNote(E[1], f(1, 2), half, [pitch('A', 4, -1)]), tie(E[0]));

    expect(notesOf(exportMidi(score))).toEqual([note(68, 0, 1920)]);
  });

  it('should start the first full measure right after a pickup and give the pickup a meter of its own length', () => {
    const score = scoreWith(
      createScore({ pickup: f(1, 4) }),
      writeNote(E[0], f(0), quarter, [pitch('G', 4)]),
      writeNote(E[1], f(0), whole, [pitch('C', 5)], at(1)),
      writeNote(E[2], f(0), half, [pitch('E', 5)], at(2)),
    );

    const file = readBack(exportMidi(score));

    expect(file.tracks[0].notes).toEqual([note(67, 0, 480), note(72, 480, 1920), note(76, 2400, 960)]);
    expect(file.tracks[0].notes).toEqual(expectedNotes(score, PART_1));
    expect(file.timeSignatures).toEqual([
      { ticks: 0, timeSignature: [1, 4] },
      { ticks: 480, timeSignature: [4, 4] },
    ]);
    expect(file.tracks[0].endOfTrackTicks).toBe(480 + 3 * 1920);
  });

  it('should follow time signature changes and a shortened measure in the middle of the score', () => {
    const score = scoreAfter(
      cmd('SetTimeSignature', { measureId: M[1], timeSignature: { beats: 6, beatType: 8 } }),
      cmd('SetTimeSignature', { measureId: M[2], timeSignature: { beats: 3, beatType: 4 } }),
      cmd('SetMeasureLength', { measureId: M[3], length: f(1, 2) }),
      cmd('InsertMeasures', { beforeMeasureId: null, measureIds: [M[4]] }),
      ...[0, 1, 2, 3, 4].map((m) => writeNote(E[m], f(0), quarter, [pitch('C', 5)], at(m))),
    );

    const file = readBack(exportMidi(score));

    expect(file.tracks[0].notes.map((n) => n.ticks)).toEqual([0, 1920, 1920 + 1440, 1920 + 1440 + 1440, 1920 + 1440 + 1440 + 960]);
    expect(file.tracks[0].notes).toEqual(expectedNotes(score, PART_1));
    expect(file.timeSignatures).toEqual([
      { ticks: 0, timeSignature: [4, 4] },
      { ticks: 1920, timeSignature: [6, 8] },
      { ticks: 3360, timeSignature: [3, 4] },
      { ticks: 4800, timeSignature: [2, 4] },
      { ticks: 5760, timeSignature: [3, 4] },
    ]);
  });
});
