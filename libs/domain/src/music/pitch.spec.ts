import fc from 'fast-check';
import type { Alter, KeySignature, Pitch, Step } from './music.types';
import { formatPitch, isValidPitch, midiToPitch, parsePitch, pitchToMidi } from './pitch';
import { formatPitchClass, parsePitchClass, pitchClassNumber } from './pitch-class';

const musicError = (code: string) => expect.objectContaining({ name: 'MusicError', code });
const p = (step: Step, alter: Alter, octave: number): Pitch => ({ step, alter, octave });

describe('pitchToMidi', () => {
  it.each<[Pitch, number]>([
    [p('C', 0, 4), 60],
    [p('B', 1, 3), 60],
    [p('C', -1, 4), 59],
    [p('D', -2, 4), 60],
    [p('B', 2, 3), 61],
    [p('A', 0, 4), 69],
    [p('C', 0, -1), 0],
    [p('G', 0, 9), 127],
    [p('A', 0, 0), 21],
    [p('E', 1, 4), 65],
    [p('F', -1, 4), 64],
  ])('gives %j the MIDI number %i', (pitch, midi) => {
    expect(pitchToMidi(pitch)).toBe(midi);
  });
});

describe('isValidPitch', () => {
  it.each<[Pitch, boolean]>([
    [p('C', 0, 4), true],
    [p('C', 0, -1), true],
    [p('C', -1, -1), false],
    [p('G', 0, 9), true],
    [p('G', 1, 9), false],
    [p('H' as Step, 0, 4), false],
    [p('C', 3 as Alter, 4), false],
    [p('C', 0.5 as Alter, 4), false],
    [p('C', 0, 4.5), false],
  ])('judges %j valid: %p', (pitch, valid) => {
    expect(isValidPitch(pitch)).toBe(valid);
  });
});

describe('midiToPitch', () => {
  const spell = (midi: number, pref: Parameters<typeof midiToPitch>[1]): string => formatPitch(midiToPitch(midi, pref), 'ascii');
  const octave = (pref: Parameters<typeof midiToPitch>[1]): string =>
    Array.from({ length: 12 }, (_, i) => spell(60 + i, pref)).join(' ');

  it('spells with sharps or flats on request', () => {
    expect(octave('sharps')).toBe('C4 C#4 D4 D#4 E4 F4 F#4 G4 G#4 A4 A#4 B4');
    expect(octave('flats')).toBe('C4 Db4 D4 Eb4 E4 F4 Gb4 G4 Ab4 A4 Bb4 B4');
    expect(spell(60, undefined)).toBe('C4');
  });

  it.each<[KeySignature, string]>([
    [{ fifths: 0, mode: 'major' }, 'C4 C#4 D4 Eb4 E4 F4 F#4 G4 G#4 A4 Bb4 B4'],
    [{ fifths: 0, mode: 'minor' }, 'C4 C#4 D4 D#4 E4 F4 F#4 G4 G#4 A4 Bb4 B4'],
    [{ fifths: -1, mode: 'minor' }, 'C4 C#4 D4 Eb4 E4 F4 F#4 G4 G#4 A4 Bb4 B4'],
    [{ fifths: -3, mode: 'major' }, 'C4 Db4 D4 Eb4 E4 F4 Gb4 G4 Ab4 A4 Bb4 B4'],
    [{ fifths: -3, mode: 'minor' }, 'C4 Db4 D4 Eb4 E4 F4 F#4 G4 Ab4 A4 Bb4 B4'],
    [{ fifths: 4, mode: 'major' }, 'B#3 C#4 D4 D#4 E4 E#4 F#4 G4 G#4 A4 A#4 B4'],
    [{ fifths: 6, mode: 'major' }, 'B#3 C#4 D4 D#4 E4 E#4 F#4 G4 G#4 A4 A#4 B4'],
    [{ fifths: -6, mode: 'major' }, 'C4 Db4 D4 Eb4 Fb4 F4 Gb4 G4 Ab4 A4 Bb4 Cb5'],
    [{ fifths: 7, mode: 'major' }, 'B#3 C#4 D4 D#4 E4 E#4 F#4 G4 G#4 A4 A#4 B4'],
    [{ fifths: -7, mode: 'major' }, 'C4 Db4 D4 Eb4 Fb4 F4 Gb4 G4 Ab4 A4 Bb4 Cb5'],
  ])('spells the chromatic octave from C4 in %j as %s', (key, expected) => {
    expect(octave(key)).toBe(expected);
  });

  it('moves the octave with the letter for enharmonic spellings across C', () => {
    expect(midiToPitch(71, { fifths: -7, mode: 'major' })).toEqual(p('C', -1, 5));
    expect(midiToPitch(60, { fifths: 7, mode: 'major' })).toEqual(p('B', 1, 3));
  });

  it.each([-1, 128, 60.5])('rejects MIDI %p with INVALID_PITCH', (midi) => {
    expect(() => midiToPitch(midi, 'sharps')).toThrow(musicError('INVALID_PITCH'));
  });

  it('rejects an invalid key with INVALID_KEY_SIGNATURE', () => {
    expect(() => midiToPitch(60, { fifths: 8, mode: 'major' })).toThrow(musicError('INVALID_KEY_SIGNATURE'));
  });

  it('always returns a valid pitch that sounds the requested MIDI number', () => {
    const preference = fc.oneof(
      fc.constantFrom<'sharps' | 'flats'>('sharps', 'flats'),
      fc.record({ fifths: fc.integer({ min: -7, max: 7 }), mode: fc.constantFrom<'major' | 'minor'>('major', 'minor') }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 127 }), preference, (midi, pref) => {
        const pitch = midiToPitch(midi, pref);
        expect(isValidPitch(pitch)).toBe(true);
        expect(pitchToMidi(pitch)).toBe(midi);
      }),
    );
  });
});

describe('formatPitch and parsePitch', () => {
  it.each<[Pitch, string, string]>([
    [p('B', -1, 4), 'B♭4', 'Bb4'],
    [p('F', 1, 3), 'F♯3', 'F#3'],
    [p('C', 2, 5), 'C𝄪5', 'Cx5'],
    [p('E', -2, 2), 'E𝄫2', 'Ebb2'],
    [p('C', 0, -1), 'C-1', 'C-1'],
  ])('writes %j as %s (unicode) and %s (ascii), and reads both back', (pitch, unicode, ascii) => {
    expect(formatPitch(pitch)).toBe(unicode);
    expect(formatPitch(pitch, 'ascii')).toBe(ascii);
    expect(parsePitch(unicode)).toEqual(pitch);
    expect(parsePitch(ascii)).toEqual(pitch);
  });

  it.each([
    ['C##4', p('C', 2, 4)],
    ['c4', p('C', 0, 4)],
    ['bb3', p('B', -1, 3)],
    ['Dn4', p('D', 0, 4)],
    ['  G♮4 ', p('G', 0, 4)],
    ['A♯♯4', p('A', 2, 4)],
  ])('also reads "%s"', (text, pitch) => {
    expect(parsePitch(text)).toEqual(pitch);
  });

  it.each(['H4', 'C', 'C#', 'Cb#4', 'C4.5', '', 'C 4', 'G#9', 'Cbbb4'])('rejects "%s" with INVALID_PITCH', (text) => {
    expect(() => parsePitch(text)).toThrow(musicError('INVALID_PITCH'));
  });

  it('reads back whatever it writes', () => {
    const pitch = fc
      .record({
        step: fc.constantFrom<Step>('C', 'D', 'E', 'F', 'G', 'A', 'B'),
        alter: fc.constantFrom<Alter>(-2, -1, 0, 1, 2),
        octave: fc.integer({ min: -1, max: 9 }),
      })
      .filter(isValidPitch);
    fc.assert(
      fc.property(pitch, fc.constantFrom<'unicode' | 'ascii'>('unicode', 'ascii'), (pt, style) => {
        expect(parsePitch(formatPitch(pt, style))).toEqual(pt);
      }),
    );
  });
});

describe('pitch classes', () => {
  it('formats, reads and numbers pitch classes', () => {
    expect(formatPitchClass({ step: 'E', alter: -1 })).toBe('E♭');
    expect(parsePitchClass('F#')).toEqual({ step: 'F', alter: 1 });
    expect(pitchClassNumber({ step: 'B', alter: 1 })).toBe(0);
    expect(pitchClassNumber({ step: 'C', alter: -2 })).toBe(10);
  });

  it.each(['X', 'F#4', '#'])('rejects "%s" as a pitch class', (text) => {
    expect(() => parsePitchClass(text)).toThrow(musicError('INVALID_PITCH'));
  });
});
