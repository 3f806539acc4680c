import { exportMidi } from '../../src/midi';
import { cmd, createScore, E, f, M, PART_1, PART_2, pitch, quarter, whole, writeNote } from '@bandpro/domain/testing';
import type { TempoMark } from '@bandpro/domain';
import { parseMidi } from 'midi-file';
import { expectedNotes } from './support/expected';
import { readBack } from './support/read-back';
import { scoreAfter, scoreWith } from './support/scores';

const tempo = (bpm: number, type: TempoMark['beatUnit']['type'] = 'quarter', dots = 0): TempoMark => ({ bpm, beatUnit: { type, dots }, text: null });
const BAR = 1920;

describe('exportMidi: the conductor track', () => {
  it('should state 120 quarters a minute, 4/4 and C major at the start of a score without marks', () => {
    const file = readBack(exportMidi(scoreAfter()));

    expect(file.tempos).toEqual([{ ticks: 0, bpm: 120 }]);
    expect(file.timeSignatures).toEqual([{ ticks: 0, timeSignature: [4, 4] }]);
    expect(file.keySignatures).toEqual([{ ticks: 0, key: 'C', scale: 'major' }]);
  });

  it('should write the tempo map from the tempo marks, converting other beat units to quarters', () => {
    const score = scoreWith(
      createScore({ tempo: tempo(100), measureIds: M.slice(0, 5) }),
      cmd('SetTempo', { measureId: M[1], tempo: tempo(100) }),
      cmd('SetTempo', { measureId: M[2], tempo: tempo(60, 'quarter', 1) }),
      cmd('SetTempo', { measureId: M[3], tempo: tempo(72, 'half') }),
      cmd('SetTempo', { measureId: M[4], tempo: tempo(132, 'eighth') }),
    );

    const bytes = exportMidi(score);

    const microseconds = parseMidi(bytes).tracks[0].flatMap((e) => (e.type === 'setTempo' ? [e.microsecondsPerBeat] : []));
    // A dotted quarter at 60 is 90 quarters a minute; a half at 72 is 144; an eighth at 132 is 66.
    expect(microseconds).toEqual([600_000, 666_667, 416_667, 909_091]);
    expect(readBack(bytes).tempos.map((t) => [t.ticks, Math.round(t.bpm * 1000) / 1000])).toEqual([
      [0, 100],
      [2 * BAR, 90],
      [3 * BAR, 144],
      [4 * BAR, 66],
    ]);
  });

  it('should clamp a tempo too slow for the 24-bit MIDI tempo to the slowest one it can state', () => {
    const bytes = exportMidi(scoreWith(createScore({ tempo: tempo(1) })));

    expect(parseMidi(bytes).tracks[0].find((e) => e.type === 'setTempo')).toMatchObject({ microsecondsPerBeat: 0xffffff });
  });

  it('should write key signatures and their changes at concert pitch, with the mode', () => {
    const score = scoreWith(
      createScore({ keySignature: { fifths: -3, mode: 'minor' } }),
      cmd('SetKeySignature', { measureId: M[2], keySignature: { fifths: 2, mode: 'major' } }),
    );

    const bytes = exportMidi(score);

    const keys = parseMidi(bytes).tracks[0].flatMap((e) => (e.type === 'keySignature' ? [[e.key, e.scale]] : []));
    expect(keys).toEqual([[-3, 1], [2, 0]]);
    expect(readBack(bytes).keySignatures).toEqual([
      { ticks: 0, key: 'Eb', scale: 'minor' },
      { ticks: 2 * BAR, key: 'D', scale: 'major' },
    ]);
  });

  it('should give compound meters a dotted-beat metronome', () => {
    const score = scoreAfter(
      cmd('SetTimeSignature', { measureId: M[1], timeSignature: { beats: 6, beatType: 8 } }),
      cmd('SetTimeSignature', { measureId: M[2], timeSignature: { beats: 2, beatType: 2 } }),
    );

    const meters = parseMidi(exportMidi(score)).tracks[0].flatMap((e) => (e.type === 'timeSignature' ? [[e.numerator, e.denominator, e.metronome]] : []));

    expect(meters).toEqual([[4, 4, 24], [6, 8, 36], [2, 2, 48]]);
  });

  it('should spell an irregular measure in eighths when its length is not a whole number of beats', () => {
    const score = scoreAfter(cmd('SetMeasureLength', { measureId: M[0], length: f(3, 8) }));

    expect(readBack(exportMidi(score)).timeSignatures).toEqual([
      { ticks: 0, timeSignature: [3, 8] },
      { ticks: 720, timeSignature: [4, 4] },
    ]);
  });

  it('should keep the meter in force for a measure whose length no meter can spell, and still place notes exactly', () => {
    const score = scoreAfter(
      cmd('SetMeasureLength', { measureId: M[1], length: f(1, 3) }),
      writeNote(E[0], f(0), whole, [pitch('C', 5)], { measureId: M[2] }),
    );

    const file = readBack(exportMidi(score));

    expect(file.timeSignatures).toEqual([{ ticks: 0, timeSignature: [4, 4] }]);
    expect(file.tracks[0].notes).toEqual([{ midi: 72, ticks: BAR + 640, durationTicks: BAR, velocity: 80 }]);
    expect(file.tracks[0].notes).toEqual(expectedNotes(score, PART_1));
  });

  it('should keep tempo, meter and key events in the first track and none in the part tracks', () => {
    const score = scoreAfter(cmd('AddPart', { partId: PART_2, instrumentId: 'alto-sax' }), writeNote(E[0], f(0), quarter, [pitch('C', 5)]));

    const tracks = parseMidi(exportMidi(score)).tracks;

    const kinds = tracks.map((t) => t.map((e) => e.type).filter((type) => ['setTempo', 'timeSignature', 'keySignature', 'noteOn'].includes(type)));
    expect(kinds).toEqual([['timeSignature', 'keySignature', 'setTempo'], ['noteOn'], []]);
    expect(tracks.every((t) => t[t.length - 1].type === 'endOfTrack')).toBe(true);
  });
});
