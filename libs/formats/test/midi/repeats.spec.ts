import { exportMidi, MidiRepeatsMustUnrollWithinLimit } from '../../src/midi';
import { cmd, createScore, E, f, M, noteIdFor, PART_1, pitch, whole, writeNote } from '@bandpro/domain/testing';
import { midiToPitch, type ScoreCommand } from '@bandpro/domain';
import { parseMidi } from 'midi-file';
import { expectedNotes } from './support/expected';
import { readBack } from './support/read-back';
import { scoreWith } from './support/scores';

const BAR = 1920;
const start = (m: number) => cmd('SetBarline', { measureId: M[m], side: 'start', style: 'repeat-start' });
const end = (m: number) => cmd('SetBarline', { measureId: M[m], side: 'end', style: 'repeat-end' });
const volta = (from: number, to: number, ...numbers: number[]) => cmd('SetVolta', { fromMeasureId: M[from], toMeasureId: M[to], numbers });

/** `count` measures, measure i holding one whole note of MIDI pitch 60 + i, so the playing order can be heard. */
function numbered(count: number, ...marks: ScoreCommand[]) {
  return scoreWith(
    createScore({ measureIds: M.slice(0, count) }),
    ...Array.from({ length: count }, (_, i) => writeNote(E[i], f(0), whole, [midiToPitch(60 + i)], { measureId: M[i] })),
    ...marks,
  );
}

function playedMeasures(count: number, ...marks: ScoreCommand[]): number[] {
  const score = numbered(count, ...marks);
  const notes = readBack(exportMidi(score)).tracks[0].notes;
  expect(notes.map((n) => n.ticks)).toEqual(notes.map((_, k) => k * BAR));
  return notes.map((n) => n.midi - 60);
}

describe('exportMidi: repeats and volta endings, unrolled', () => {
  it('should play a repeated section twice', () => {
    expect(playedMeasures(3, start(0), end(1))).toEqual([0, 1, 0, 1, 2]);
  });

  it('should take a repeat-end without a repeat-start back to the beginning', () => {
    expect(playedMeasures(3, end(1))).toEqual([0, 1, 0, 1, 2]);
  });

  it('should go back to the repeat-start in the middle of the score', () => {
    expect(playedMeasures(4, start(1), end(2))).toEqual([0, 1, 2, 1, 2, 3]);
  });

  it('should play the first ending, then skip it for the second', () => {
    expect(playedMeasures(5, start(1), volta(2, 2, 1), end(2), volta(3, 3, 2))).toEqual([0, 1, 2, 1, 3, 4]);
  });

  it('should play endings that span several measures as a whole', () => {
    expect(playedMeasures(5, volta(1, 2, 1), end(2), volta(3, 3, 2))).toEqual([0, 1, 2, 0, 3, 4]);
  });

  it('should play a section as many times as its endings say', () => {
    expect(playedMeasures(4, volta(1, 1, 1, 2), end(1), volta(2, 2, 3))).toEqual([0, 1, 0, 1, 0, 2, 3]);
    expect(playedMeasures(5, volta(1, 1, 1), end(1), volta(2, 2, 2), end(2), volta(3, 3, 3))).toEqual([0, 1, 0, 2, 0, 3, 4]);
  });

  it('should play repeated sections one after the other', () => {
    expect(playedMeasures(4, end(0), start(1), end(2))).toEqual([0, 0, 1, 2, 1, 2, 3]);
  });

  it('should take a lone repeat-end back to just after the previous repeat', () => {
    expect(playedMeasures(4, start(1), end(1), end(3))).toEqual([0, 1, 1, 2, 3, 2, 3]);
  });

  it('should take a lone repeat-end after a section with endings back to just after its last ending', () => {
    expect(playedMeasures(5, volta(1, 1, 1), end(1), volta(2, 2, 2), end(4))).toEqual([0, 1, 0, 2, 3, 4, 3, 4]);
  });

  it('should take nested repeats again on each pass of the outer one', () => {
    expect(playedMeasures(4, start(0), start(1), end(1), end(2))).toEqual([0, 1, 1, 2, 0, 1, 1, 2, 3]);
  });

  it('should play a section that has endings inside an outer repeat again on its second pass', () => {
    const order = playedMeasures(6, start(0), start(1), volta(2, 2, 1), end(2), volta(3, 3, 2), end(4));
    expect(order).toEqual([0, 1, 2, 1, 3, 4, 0, 1, 2, 1, 3, 4, 5]);
  });

  it('should play on through a repeat-start that is never closed', () => {
    expect(playedMeasures(3, start(1))).toEqual([0, 1, 2]);
  });

  it('should repeat a first ending that has no second one, and skip it the second time', () => {
    expect(playedMeasures(3, volta(1, 1, 1), end(1))).toEqual([0, 1, 0, 2]);
  });

  it('should skip an ending that cannot be reached on the first pass when nothing repeats', () => {
    expect(playedMeasures(3, volta(1, 1, 2))).toEqual([0, 2]);
    expect(playedMeasures(3, volta(1, 1, 1))).toEqual([0, 1, 2]);
  });

  it('should refuse repeats nested so deeply that unrolling them would not end in reasonable time', () => {
    // Five levels, each ending played ten times: about 10^5 passes through the innermost section.
    const endings = Array.from({ length: 10 }, (_, i) => i + 1);
    const score = numbered(10, ...[0, 1, 2, 3, 4].flatMap((i) => [start(i), end(9 - i)]), volta(5, 9, ...endings));

    expect(() => exportMidi(score)).toThrow(expect.objectContaining({ code: MidiRepeatsMustUnrollWithinLimit.code }));
  });

  it('should restate the tempo and meter of each measure as playback jumps back', () => {
    const tempo = (bpm: number) => ({ bpm, beatUnit: { type: 'quarter' as const, dots: 0 }, text: null });
    const score = scoreWith(
      createScore({ measureIds: M.slice(0, 3), tempo: tempo(100) }),
      cmd('SetTempo', { measureId: M[1], tempo: tempo(80) }),
      cmd('SetTimeSignature', { measureId: M[1], timeSignature: { beats: 3, beatType: 4 } }),
      cmd('SetTimeSignature', { measureId: M[2], timeSignature: { beats: 4, beatType: 4 } }),
      end(1),
    );

    const file = readBack(exportMidi(score));

    expect(file.tempos).toEqual([
      { ticks: 0, bpm: 100 },
      { ticks: BAR, bpm: 80 },
      { ticks: BAR + 1440, bpm: 100 },
      { ticks: 2 * BAR + 1440, bpm: 80 },
    ]);
    expect(file.timeSignatures.map((t) => [t.ticks, ...t.timeSignature])).toEqual([
      [0, 4, 4],
      [BAR, 3, 4],
      [BAR + 1440, 4, 4],
      [2 * BAR + 1440, 3, 4],
      [2 * BAR + 2880, 4, 4],
    ]);
    expect(parseMidi(exportMidi(score)).tracks[1].at(-1)).toMatchObject({ type: 'endOfTrack' });
  });

  it('should replay the dynamics written in a repeated passage', () => {
    const score = numbered(
      2,
      end(1),
      cmd('SetDynamic', { partId: PART_1, staff: 1, measureId: M[0], offset: f(0), dynamicId: E[10], value: 'p' }),
      cmd('SetDynamic', { partId: PART_1, staff: 1, measureId: M[1], offset: f(0), dynamicId: E[11], value: 'f' }),
    );

    expect(readBack(exportMidi(score)).tracks[0].notes.map((n) => n.velocity)).toEqual([49, 96, 49, 96]);
  });

  it('should follow a tie at a repeat-end into the measure actually played next', () => {
    const score = scoreWith(
      createScore({ measureIds: M.slice(0, 3) }),
      writeNote(E[0], f(0), whole, [pitch('D', 5)]),
      writeNote(E[1], f(0), whole, [pitch('C', 5)], { measureId: M[1] }),
      writeNote(E[2], f(0), whole, [pitch('C', 5)], { measureId: M[2] }),
      cmd('SetTie', { partId: PART_1, staff: 1, measureId: M[1], voice: 1, entryId: E[1], noteId: noteIdFor(E[1]), tied: true }),
      end(1),
    );

    const notes = readBack(exportMidi(score)).tracks[0].notes;

    // First time the tie meets the D of the repeat; the second time it reaches the C after the repeat.
    expect(notes).toEqual([
      { midi: 74, ticks: 0, durationTicks: BAR, velocity: 80 },
      { midi: 72, ticks: BAR, durationTicks: BAR, velocity: 80 },
      { midi: 74, ticks: 2 * BAR, durationTicks: BAR, velocity: 80 },
      { midi: 72, ticks: 3 * BAR, durationTicks: 2 * BAR, velocity: 80 },
    ]);
    expect(notes).toEqual(expectedNotes(score, PART_1, { order: [0, 1, 0, 1, 2] }));
  });
});
