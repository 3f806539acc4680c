import { exportMidi, MidiPartMustExist, MidiPpqMustBeValid } from '../../src/midi';
import { cmd, createScore, E, eighth, f, half, M, PART_1, PART_2, PIANO, pitch, quarter, testId, whole, writeNote } from '@bandpro/domain/testing';
import { expectedNotes } from './support/expected';
import { readBack } from './support/read-back';
import { scoreAfter, scoreWith } from './support/scores';

describe('exportMidi: file layout, parts, channels and programs', () => {
  it('should write a type 1 file with a conductor track named after the score, then one track per part', () => {
    const score = scoreAfter(cmd('AddPart', { partId: PART_2, instrumentId: 'tenor-sax' }));

    const file = readBack(exportMidi(score));

    expect(file.format).toBe(1);
    expect(file.ppq).toBe(480);
    expect(file.trackCount).toBe(3);
    expect(file.name).toBe('Test score');
    expect(file.tracks.map((t) => t.name)).toEqual(['Trumpet in B♭', 'Tenor Saxophone']);
  });

  it('should play a melody note for note at concert pitch, rests silent, on the part channel and program', () => {
    const score = scoreAfter(
      writeNote(E[0], f(0), quarter, [pitch('B', 3, -1)]),
      writeNote(E[1], f(1, 4), eighth, [pitch('D', 4)]),
      writeNote(E[2], f(3, 8), eighth, [pitch('F', 4, 1)]),
      writeNote(E[3], f(3, 4), quarter, [pitch('C', 5)]),
      writeNote(E[4], f(0), whole, [pitch('G', 4)], { measureId: M[1] }),
    );

    const track = readBack(exportMidi(score)).tracks[0];

    // Written for a B♭ trumpet these would read a tone higher; stored and played at concert pitch.
    expect(track.notes).toEqual([
      { midi: 58, ticks: 0, durationTicks: 480, velocity: 80 },
      { midi: 62, ticks: 480, durationTicks: 240, velocity: 80 },
      { midi: 66, ticks: 720, durationTicks: 240, velocity: 80 },
      { midi: 72, ticks: 1440, durationTicks: 480, velocity: 80 },
      { midi: 67, ticks: 1920, durationTicks: 1920, velocity: 80 },
    ]);
    expect(track.notes).toEqual(expectedNotes(score, PART_1));
    expect(track.channel).toBe(0);
    expect(track.program).toBe(56); // General MIDI 57, Trumpet
    expect(track.endOfTrackTicks).toBe(4 * 1920);
  });

  it('should sound every transposing instrument at the concert pitch stored, never the written one', () => {
    const instruments = ['trumpet-bb', 'alto-sax', 'tenor-sax', 'horn-f', 'electric-guitar', 'piccolo'];
    const parts = instruments.map((instrumentId, i) => ({ partId: testId(i + 1, 0xf), instrumentId }));
    const score = scoreWith(createScore({ parts }), ...parts.map((p, k) => writeNote(E[k], f(0), half, [pitch('A', 4)], { partId: p.partId })));

    const tracks = readBack(exportMidi(score)).tracks;

    expect(tracks.map((t) => t.notes.map((n) => n.midi))).toEqual(instruments.map(() => [69]));
  });

  it('should sound a chord as simultaneous notes', () => {
    const score = scoreAfter(writeNote(E[0], f(0), half, [pitch('C', 4), pitch('E', 4), pitch('G', 4)]), writeNote(E[1], f(1, 2), half, [pitch('F', 4), pitch('A', 4)]));

    const notes = readBack(exportMidi(score)).tracks[0].notes;

    expect(notes).toEqual([
      { midi: 60, ticks: 0, durationTicks: 960, velocity: 80 },
      { midi: 64, ticks: 0, durationTicks: 960, velocity: 80 },
      { midi: 67, ticks: 0, durationTicks: 960, velocity: 80 },
      { midi: 65, ticks: 960, durationTicks: 960, velocity: 80 },
      { midi: 69, ticks: 960, durationTicks: 960, velocity: 80 },
    ]);
  });

  it('should merge every voice of both staves of a piano into the part track', () => {
    const piano = { partId: PIANO, staff: 1, measureId: M[0], voice: 1 };
    const score = scoreWith(
      createScore({ parts: [{ partId: PIANO, instrumentId: 'piano' }] }),
      writeNote(E[0], f(0), half, [pitch('E', 5)], piano),
      writeNote(E[1], f(1, 2), half, [pitch('D', 5)], piano),
      writeNote(E[2], f(0), whole, [pitch('G', 4)], { ...piano, voice: 2 }),
      writeNote(E[3], f(0), quarter, [pitch('C', 3), pitch('G', 3)], { ...piano, staff: 2 }),
      writeNote(E[4], f(1, 4), half, [pitch('E', 2)], { ...piano, staff: 2, voice: 3 }),
      writeNote(E[5], f(0), whole, [pitch('C', 2)], { ...piano, staff: 2, measureId: M[1] }),
    );

    const track = readBack(exportMidi(score)).tracks[0];

    expect(track.notes).toEqual(expectedNotes(score, PIANO));
    expect(track.notes).toHaveLength(7);
    expect(track.program).toBe(0);
  });

  it('should put percussion on channel 10 and give the other parts the remaining channels in order', () => {
    const parts = [
      { partId: testId(1, 0xf), instrumentId: 'drum-set' },
      ...Array.from({ length: 10 }, (_, i) => ({ partId: testId(i + 2, 0xf), instrumentId: 'flute' })),
    ];
    const atPart = (k: number) => ({ partId: parts[k].partId });
    const score = scoreWith(
      createScore({ parts }),
      ...parts.map((_, k) => writeNote(E[k], f(0), quarter, [k === 0 ? pitch('D', 2) : pitch('C', 5)], atPart(k))),
    );

    const tracks = readBack(exportMidi(score)).tracks;

    expect(tracks.map((t) => t.channel)).toEqual([9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10]);
    expect(tracks.map((t) => t.program)).toEqual([0, ...Array(10).fill(73)]);
    // An unpitched note is stored as its General MIDI drum key: D2 = 38, the acoustic snare.
    expect(tracks[0].notes).toEqual([{ midi: 38, ticks: 0, durationTicks: 480, velocity: 80 }]);
  });

  it('should reuse channels after fifteen pitched parts', () => {
    const parts = Array.from({ length: 17 }, (_, i) => ({ partId: testId(i + 1, 0xf), instrumentId: 'violin' }));

    const tracks = readBack(exportMidi(scoreWith(createScore({ parts }), ...parts.map((p, k) => writeNote(E[k], f(0), whole, [pitch('A', 4)], { partId: p.partId }))))).tracks;

    expect(tracks.map((t) => t.channel)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 0, 1]);
  });

  it('should count ticks with the ppq it is given', () => {
    const score = scoreAfter(writeNote(E[0], f(0), quarter, [pitch('C', 5)]), writeNote(E[1], f(1, 4), { type: 'eighth', dots: 1 }, [pitch('D', 5)]));

    const file = readBack(exportMidi(score, { ppq: 96 }));

    expect(file.ppq).toBe(96);
    expect(file.tracks[0].notes).toEqual(expectedNotes(score, PART_1, { ppq: 96 }));
    expect(file.tracks[0].notes[1]).toEqual({ midi: 74, ticks: 96, durationTicks: 72, velocity: 80 });
  });

  it('should export only the parts asked for, in score order', () => {
    const score = scoreAfter(
      cmd('AddPart', { partId: PART_2, instrumentId: 'trombone' }),
      cmd('AddPart', { partId: PIANO, instrumentId: 'piano' }),
      writeNote(E[0], f(0), whole, [pitch('C', 3)], { partId: PART_2 }),
    );

    const file = readBack(exportMidi(score, { partIds: [PIANO, PART_2] }));

    expect(file.tracks.map((t) => t.name)).toEqual(['Trombone', 'Piano']);
    expect(file.tracks[0].channel).toBe(0);
    expect(file.tracks[0].notes).toEqual(expectedNotes(score, PART_2));
  });

  it('should refuse a part that is not in the score', () => {
    expect(() => exportMidi(scoreAfter(), { partIds: [PART_2] })).toThrow(expect.objectContaining({ code: MidiPartMustExist.code }));
  });

  it.each([0, 1.5, 40_000, Number.NaN])('should refuse a ppq of %p', (ppq) => {
    expect(() => exportMidi(scoreAfter(), { ppq })).toThrow(expect.objectContaining({ code: MidiPpqMustBeValid.code }));
  });

  it('should fall back to program 1 on a pitched channel for an instrument the catalogue does not know', () => {
    const score = scoreAfter(writeNote(E[0], f(0), quarter, [pitch('A', 4)]));
    const unknown = { ...score, parts: score.parts.map((p) => ({ ...p, instrumentId: 'theremin' })) };

    const track = readBack(exportMidi(unknown)).tracks[0];

    expect([track.program, track.channel]).toEqual([0, 0]);
    expect(track.notes).toEqual(expectedNotes(unknown, PART_1));
  });

  it('should leave the conductor track unnamed when the score has no title', () => {
    const score = { ...scoreAfter(), title: '' };

    expect(readBack(exportMidi(score)).name).toBe('');
  });
});
