import fc from 'fast-check';
import {
  addIntervals, formatInterval, intervalBetween, intervalFifths, intervalToKey, negateInterval, parseInterval,
  semitones, transposePitch, transposePitchClass,
} from './interval';
import type { Alter, Interval, Pitch, Step } from './music.types';
import { formatPitch, isValidPitch, parsePitch, pitchToMidi } from './pitch';

const musicError = (code: string) => expect.objectContaining({ name: 'MusicError', code });
const up = (pitch: string, interval: string): string => formatPitch(transposePitch(parsePitch(pitch), parseInterval(interval)), 'ascii');

describe('transposePitch', () => {
  it.each([
    ['E4', 'M3', 'G#4'],
    ['Bb3', 'M2', 'C4'],
    ['C4', '-m2', 'B3'],
    // Every simple interval up from C4.
    ...[
      ['P1', 'C4'], ['A1', 'C#4'], ['d2', 'Dbb4'], ['m2', 'Db4'], ['M2', 'D4'], ['A2', 'D#4'], ['d3', 'Ebb4'],
      ['m3', 'Eb4'], ['M3', 'E4'], ['A3', 'E#4'], ['d4', 'Fb4'], ['P4', 'F4'], ['A4', 'F#4'], ['d5', 'Gb4'],
      ['P5', 'G4'], ['A5', 'G#4'], ['d6', 'Abb4'], ['m6', 'Ab4'], ['M6', 'A4'], ['A6', 'A#4'], ['d7', 'Bbb4'],
      ['m7', 'Bb4'], ['M7', 'B4'], ['A7', 'B#4'], ['d8', 'Cb5'], ['P8', 'C5'], ['m9', 'Db5'], ['M10', 'E5'],
      ['P12', 'G5'], ['P15', 'C6'],
    ].map(([i, to]) => ['C4', i, to]),
    ['F#4', 'M3', 'A#4'], ['F#4', 'A4', 'B#4'], ['F#4', 'M7', 'E#5'], ['F#4', 'A1', 'Fx4'], ['F#4', 'd7', 'Eb5'],
    ['F#4', 'm2', 'G4'], ['F#4', 'd5', 'C5'],
    ['Bb3', 'M3', 'D4'], ['Bb3', 'A4', 'E4'], ['Bb3', 'm2', 'Cb4'], ['Bb3', 'd5', 'Fb4'], ['Bb3', 'd7', 'Abb4'],
    ['B3', 'm2', 'C4'], ['B#3', 'P1', 'B#3'], ['E#4', 'M3', 'Gx4'], ['Bbb3', 'm2', 'Cbb4'],
    ['C4', '-M3', 'Ab3'], ['C4', '-P5', 'F3'], ['E4', '-A4', 'Bb3'], ['F4', '-M2', 'Eb4'], ['C4', '-d5', 'F#3'],
    ['Cb4', '-M2', 'Bbb3'], ['C4', '-P8', 'C3'], ['D4', '-m7', 'E3'], ['C#4', '-A1', 'C4'], ['G4', '-M9', 'F3'],
  ])('moves %s by %s to %s', (from, interval, to) => {
    expect(up(from, interval)).toBe(to);
  });

  it.each([
    ['Fx4', 'A1'],
    ['Cbb4', '-A1'],
    ['E#4', 'A2'],
    ['Abb4', 'd3'],
    ['Bbb3', 'd2'],
  ])('refuses to spell %s moved by %s with SPELLING_OUT_OF_RANGE', (from, interval) => {
    expect(() => up(from, interval)).toThrow(musicError('SPELLING_OUT_OF_RANGE'));
  });

  it('refuses to leave the MIDI range with INVALID_PITCH', () => {
    expect(() => up('G9', 'M2')).toThrow(musicError('INVALID_PITCH'));
    expect(() => up('C-1', '-m2')).toThrow(musicError('INVALID_PITCH'));
  });

  it('rejects an invalid pitch or interval', () => {
    expect(() => transposePitch({ step: 'C', alter: 3 as Alter, octave: 4 }, parseInterval('M2'))).toThrow(
      musicError('INVALID_PITCH'),
    );
    expect(() => transposePitch(parsePitch('C4'), { diatonic: 1.5, chromatic: 2 })).toThrow(musicError('INVALID_INTERVAL'));
  });
});

/*
 * The exhaustive table: all 35 spelt pitch classes (7 letters x 5 alterations) by every simple interval, up and
 * down. The expectation is computed from first principles (letter names counted on a keyboard of naturals),
 * independently of the implementation's diatonic index arithmetic.
 */
describe('transposePitch over every step, alteration and simple interval', () => {
  const letters: Step[] = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];
  const naturals = [0, 2, 4, 5, 7, 9, 11];
  const simpleIntervals = [
    'P1', 'A1', 'd2', 'm2', 'M2', 'A2', 'd3', 'm3', 'M3', 'A3', 'd4', 'P4', 'A4', 'd5', 'P5', 'A5', 'd6', 'm6',
    'M6', 'A6', 'd7', 'm7', 'M7', 'A7', 'd8', 'P8',
  ];
  const cases = letters.flatMap((step, si) =>
    ([-2, -1, 0, 1, 2] as Alter[]).flatMap((alter) =>
      simpleIntervals.flatMap((name) => [name, `-${name}`]).map((name) => ({ step, si, alter, name })),
    ),
  );

  it.each(cases)('moves $step$alter by $name to the right letter and sound, or says why not', ({ step, si, alter, name }) => {
    const from: Pitch = { step, alter, octave: 4 };
    const interval = parseInterval(name);
    const steps = si + interval.diatonic;
    const letter = letters[((steps % 7) + 7) % 7];
    const octave = 4 + Math.floor(steps / 7);
    const target = naturals[si] + alter + interval.chromatic;
    const expectedAlter = target - (naturals[letters.indexOf(letter)] + 12 * (octave - 4));
    if (Math.abs(expectedAlter) > 2) {
      expect(() => transposePitch(from, interval)).toThrow(musicError('SPELLING_OUT_OF_RANGE'));
    } else {
      expect(transposePitch(from, interval)).toEqual({ step: letter, alter: expectedAlter, octave });
    }
  });

  it('covers 7 letters x 5 alterations x 26 simple intervals x 2 directions', () => {
    expect(cases).toHaveLength(1820);
  });
});

describe('transposePitch properties', () => {
  const pitch = fc
    .record({
      step: fc.constantFrom<Step>('C', 'D', 'E', 'F', 'G', 'A', 'B'),
      alter: fc.constantFrom<Alter>(-2, -1, 0, 1, 2),
      octave: fc.integer({ min: 2, max: 6 }),
    })
    .filter(isValidPitch);
  const interval = fc.integer({ min: -15, max: 15 }).chain((diatonic) =>
    fc.integer({ min: -2, max: 2 }).map((quality) => {
      const simple = ((diatonic % 7) + 7) % 7;
      const base = [0, 2, 4, 5, 7, 9, 11][simple] + 12 * Math.floor(diatonic / 7);
      return { diatonic, chromatic: base + quality };
    }),
  );
  const attempt = (p: Pitch, i: Interval): Pitch | undefined => {
    try {
      return transposePitch(p, i);
    } catch (e) {
      expect((e as { code: string }).code).toBe('SPELLING_OUT_OF_RANGE');
      return undefined;
    }
  };

  it('comes back to the start when moved by i and then by -i', () => {
    fc.assert(
      fc.property(pitch, interval, (p, i) => {
        const moved = attempt(p, i);
        if (moved) expect(transposePitch(moved, negateInterval(i))).toEqual(p);
      }),
    );
  });

  it('shifts the MIDI number by exactly the semitones of the interval', () => {
    fc.assert(
      fc.property(pitch, interval, (p, i) => {
        const moved = attempt(p, i);
        if (moved) expect(pitchToMidi(moved)).toBe(pitchToMidi(p) + semitones(i));
      }),
    );
  });

  it('measures back the interval it moved by', () => {
    fc.assert(
      fc.property(pitch, interval, (p, i) => {
        const moved = attempt(p, i);
        if (moved) expect(intervalBetween(p, moved)).toEqual(i);
      }),
    );
  });

  it('reads back every interval it formats', () => {
    fc.assert(fc.property(interval, (i) => expect(parseInterval(formatInterval(i))).toEqual(i)));
  });

  it('moves pitch classes the way it moves pitches', () => {
    fc.assert(
      fc.property(pitch, interval, (p, i) => {
        const moved = attempt(p, i);
        if (moved) expect(transposePitchClass(p, i)).toEqual({ step: moved.step, alter: moved.alter });
      }),
    );
  });
});

describe('intervalBetween', () => {
  it.each([
    ['C4', 'E4', 'M3'],
    ['E4', 'C4', '-M3'],
    ['B3', 'C4', 'm2'],
    ['C4', 'C#4', 'A1'],
    ['C#4', 'C4', '-A1'],
    ['C4', 'Dbb4', 'd2'],
    ['F3', 'B3', 'A4'],
    ['G3', 'Bb4', 'm10'],
    ['C4', 'C4', 'P1'],
  ])('measures %s to %s as %s', (from, to, name) => {
    expect(formatInterval(intervalBetween(parsePitch(from), parsePitch(to)))).toBe(name);
  });
});

describe('parseInterval and formatInterval', () => {
  it.each<[string, Interval]>([
    ['M3', { diatonic: 2, chromatic: 4 }],
    ['-P5', { diatonic: -4, chromatic: -7 }],
    ['A4', { diatonic: 3, chromatic: 6 }],
    ['m10', { diatonic: 9, chromatic: 15 }],
    ['d7', { diatonic: 6, chromatic: 9 }],
    ['P8', { diatonic: 7, chromatic: 12 }],
    ['AA4', { diatonic: 3, chromatic: 7 }],
    ['dd5', { diatonic: 4, chromatic: 5 }],
    ['dd3', { diatonic: 2, chromatic: 1 }],
    ['+M2', { diatonic: 1, chromatic: 2 }],
  ])('reads "%s" as %j', (text, interval) => {
    expect(parseInterval(text)).toEqual(interval);
  });

  it('writes a dropping unison as a descending augmented unison', () => {
    expect(parseInterval('d1')).toEqual({ diatonic: 0, chromatic: -1 });
    expect(formatInterval({ diatonic: 0, chromatic: -1 })).toBe('-A1');
  });

  it.each(['M4', 'P3', 'm5', 'X3', 'M0', '3', 'M', 'P-5', ''])('rejects "%s" with INVALID_INTERVAL', (text) => {
    expect(() => parseInterval(text)).toThrow(musicError('INVALID_INTERVAL'));
  });

  it('rejects a malformed interval when formatting', () => {
    expect(() => formatInterval({ diatonic: Number.NaN, chromatic: 0 })).toThrow(musicError('INVALID_INTERVAL'));
  });
});

describe('interval arithmetic', () => {
  it('negates, adds and counts semitones', () => {
    expect(negateInterval(parseInterval('M3'))).toEqual(parseInterval('-M3'));
    expect(Object.is(negateInterval({ diatonic: 0, chromatic: 0 }).diatonic, 0)).toBe(true);
    expect(addIntervals(parseInterval('M3'), parseInterval('m3'))).toEqual(parseInterval('P5'));
    expect(addIntervals(parseInterval('P5'), parseInterval('-P8'))).toEqual(parseInterval('-P4'));
    expect(semitones(parseInterval('m10'))).toBe(15);
  });

  it('measures how far an interval moves along the circle of fifths', () => {
    expect(intervalFifths(parseInterval('P5'))).toBe(1);
    expect(intervalFifths(parseInterval('M2'))).toBe(2);
    expect(intervalFifths(parseInterval('m2'))).toBe(-5);
    expect(intervalFifths(parseInterval('A1'))).toBe(7);
    expect(intervalFifths(parseInterval('-P8'))).toBe(0);
  });

  it('refuses pitch classes that would need triple accidentals', () => {
    expect(() => transposePitchClass({ step: 'F', alter: 2 }, parseInterval('A1'))).toThrow(
      musicError('SPELLING_OUT_OF_RANGE'),
    );
  });
});

describe('intervalToKey', () => {
  it.each([
    // from, to, up, down, closest
    [0, 2, 'M2', '-m7', 'M2'],
    [0, 1, 'P5', '-P4', '-P4'],
    [0, -1, 'P4', '-P5', 'P4'],
    [0, 0, 'P1', 'P1', 'P1'],
    [0, 6, 'A4', '-d5', 'A4'],
    [0, -6, 'd5', '-A4', 'd5'],
    [0, 7, 'A1', '-d8', 'A1'],
    [0, -7, 'd8', '-A1', '-A1'],
    [-3, 2, 'M7', '-m2', '-m2'],
    [-2, 0, 'M2', '-m7', 'M2'],
    [3, -4, 'd8', '-A1', '-A1'],
    [3, -2, 'm2', '-M7', 'm2'],
  ])('moves key %i to key %i up by %s, down by %s, closest by %s', (from, to, u, d, c) => {
    expect(formatInterval(intervalToKey(from, to, 'up'))).toBe(u);
    expect(formatInterval(intervalToKey(from, to, 'down'))).toBe(d);
    expect(formatInterval(intervalToKey(from, to, 'closest'))).toBe(c);
  });

  it('always moves by exactly the fifths between the keys', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -7, max: 7 }),
        fc.integer({ min: -7, max: 7 }),
        fc.constantFrom<'up' | 'down' | 'closest'>('up', 'down', 'closest'),
        (from, to, direction) => {
          const i = intervalToKey(from, to, direction);
          expect(intervalFifths(i)).toBe(to - from);
          expect(Math.abs(i.chromatic)).toBeLessThanOrEqual(12);
          if (direction === 'closest') expect(Math.abs(i.chromatic)).toBeLessThanOrEqual(6);
        },
      ),
    );
  });

  it('rejects non-integer key positions with INVALID_KEY_SIGNATURE', () => {
    expect(() => intervalToKey(0.5, 1, 'up')).toThrow(musicError('INVALID_KEY_SIGNATURE'));
  });
});
