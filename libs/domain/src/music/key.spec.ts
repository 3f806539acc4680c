import fc from 'fast-check';
import { formatInterval, parseInterval, transposePitchClass } from './interval';
import {
  isValidKeySignature, keyAlterFor, keyName, keyTonic, transposeKey, transposeKeyAndInterval, validateKeySignature,
} from './key';
import type { KeySignature, Step } from './music.types';
import { formatPitchClass } from './pitch-class';

const musicError = (code: string) => expect.objectContaining({ name: 'MusicError', code });
const major = (fifths: number): KeySignature => ({ fifths, mode: 'major' });
const minor = (fifths: number): KeySignature => ({ fifths, mode: 'minor' });

describe('transposeKey', () => {
  it.each([
    [major(0), 'M2', major(2)],
    [major(0), 'P5', major(1)],
    [major(0), 'm2', major(-5)],
    [major(0), 'P8', major(0)],
    [major(-3), 'M2', major(-1)],
    [major(2), '-M2', major(0)],
    [minor(0), 'm3', minor(-3)],
    [minor(-1), 'M2', minor(1)],
    [major(5), 'A1', major(0)],
    [major(-7), '-A1', major(-2)],
    [major(7), 'P1', major(7)],
  ])('moves %j by %s to %j', (from, interval, to) => {
    expect(transposeKey(from, parseInterval(interval))).toEqual(to);
  });

  it('rejects an invalid key with INVALID_KEY_SIGNATURE', () => {
    expect(() => transposeKey(major(9), parseInterval('M2'))).toThrow(musicError('INVALID_KEY_SIGNATURE'));
  });
});

describe('transposeKeyAndInterval', () => {
  it.each([
    // key, interval, limit, resulting key, interval that spells it
    [major(5), 'A1', 7, major(0), 'm2'],
    [major(4), 'A4', 7, major(-2), 'd5'],
    [major(-7), '-A1', 7, major(-2), '-m2'],
    [major(-5), '-M3', 7, major(3), '-d4'],
    [major(2), 'M2', 7, major(4), 'M2'],
    [major(0), 'A1', 7, major(7), 'A1'],
    [major(0), 'A1', 6, major(-5), 'm2'],
    [major(0), 'd8', 6, major(5), 'M7'],
    [major(4), 'M2', 6, major(6), 'M2'],
  ])('moves %j by %s (limit %i) to %j, spelling notes by %s', (key, name, limit, expectedKey, expectedInterval) => {
    const result = transposeKeyAndInterval(key, parseInterval(name), limit as 6 | 7);
    expect(result.key).toEqual(expectedKey);
    expect(formatInterval(result.interval)).toBe(expectedInterval);
  });

  it('keeps the key within the limit and the respelt interval sounding the same, and moves the tonic with it', () => {
    const interval = fc.integer({ min: -12, max: 12 }).chain((diatonic) =>
      fc.integer({ min: -2, max: 2 }).map((q) => ({
        diatonic,
        chromatic: [0, 2, 4, 5, 7, 9, 11][((diatonic % 7) + 7) % 7] + 12 * Math.floor(diatonic / 7) + q,
      })),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -7, max: 7 }),
        fc.constantFrom<'major' | 'minor'>('major', 'minor'),
        interval,
        fc.constantFrom<6 | 7>(6, 7),
        (fifths, mode, i, limit) => {
          const ks = { fifths, mode };
          const { key, interval: spelt } = transposeKeyAndInterval(ks, i, limit);
          expect(Math.abs(key.fifths)).toBeLessThanOrEqual(limit);
          expect(spelt.chromatic).toBe(i.chromatic);
          expect(keyTonic(key)).toEqual(transposePitchClass(keyTonic(ks), spelt));
        },
      ),
    );
  });
});

describe('keyName and keyTonic', () => {
  it.each([
    [major(0), 'C major'],
    [major(-3), 'E♭ major'],
    [minor(-3), 'c minor'],
    [minor(3), 'f♯ minor'],
    [major(7), 'C♯ major'],
    [major(-7), 'C♭ major'],
    [minor(-6), 'e♭ minor'],
    [minor(7), 'a♯ minor'],
    [major(6), 'F♯ major'],
  ])('names %j "%s"', (ks, name) => {
    expect(keyName(ks)).toBe(name);
  });

  it('names keys in ASCII on request', () => {
    expect(keyName(major(-2), 'ascii')).toBe('Bb major');
    expect(keyName(minor(4), 'ascii')).toBe('c# minor');
  });

  it('finds the tonic of each key on the circle of fifths', () => {
    const majors = [-7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7].map((f) => formatPitchClass(keyTonic(major(f)), 'ascii'));
    expect(majors.join(' ')).toBe('Cb Gb Db Ab Eb Bb F C G D A E B F# C#');
  });
});

describe('key signatures', () => {
  it.each<[Step, KeySignature, number]>([
    ['B', major(-1), -1],
    ['E', major(-1), 0],
    ['F', major(1), 1],
    ['C', major(1), 0],
    ['B', major(7), 1],
    ['F', major(-7), -1],
    ['F', major(-6), 0],
    ['G', major(0), 0],
    ['G', minor(-3), 0],
    ['A', minor(-4), -1],
  ])('alters %s by %i in %j', (step, ks, alter) => {
    expect(keyAlterFor(step, ks)).toBe(alter);
  });

  it.each<[KeySignature, boolean]>([
    [major(0), true],
    [minor(-7), true],
    [major(8), false],
    [major(1.5), false],
    [{ fifths: 0, mode: 'dorian' as 'major' }, false],
  ])('judges %j valid: %p', (ks, valid) => {
    expect(isValidKeySignature(ks)).toBe(valid);
    if (valid) expect(() => validateKeySignature(ks)).not.toThrow();
    else expect(() => validateKeySignature(ks)).toThrow(musicError('INVALID_KEY_SIGNATURE'));
  });
});
