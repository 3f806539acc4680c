import fc from 'fast-check';
import { isDomainError } from '../errors/domain-error';
import { frac } from '../music/fraction';
import { parseInterval, semitones, transposePitch } from '../music/interval';
import type { Alter, Fraction, Interval, KeySignature, Pitch, Step } from '../music/music.types';
import { pitchClassNumber } from '../music/pitch-class';
import { midiToPitch, parsePitch, pitchToMidi } from '../music/pitch';
import { keyName } from '../music/key';
import { detectKey, type TimedPitch } from './detect-key';
import { MAJOR_PROFILE, MINOR_PROFILE, pearson } from './key-profiles';
import { CHROMATIC_SCALE, GREENSLEEVES_IN_A_MINOR, ODE_TO_JOY_IN_C, TWINKLE_IN_C, tune } from './testing/tunes';

const domainError = (code: string) => expect.objectContaining({ code });
const up = (notes: TimedPitch[], interval: string): TimedPitch[] =>
  notes.map((n) => ({ ...n, pitch: transposePitch(n.pitch, parseInterval(interval)) }));
const major = (fifths: number): KeySignature => ({ fifths, mode: 'major' });
const minor = (fifths: number): KeySignature => ({ fifths, mode: 'minor' });

describe('detectKey on real melodies', () => {
  it('hears Twinkle Twinkle in C major, clearly', () => {
    const found = detectKey(tune(TWINKLE_IN_C));
    expect(found.key).toEqual(major(0));
    expect(found.tonic).toEqual({ step: 'C', alter: 0 });
    expect(found.correlation).toBeGreaterThan(0.8);
  });

  it('hears Twinkle Twinkle moved up a minor third in E♭ major, spelt with flats', () => {
    const found = detectKey(up(tune(TWINKLE_IN_C), 'm3'));
    expect(found.key).toEqual(major(-3));
    expect(found.tonic).toEqual({ step: 'E', alter: -1 });
    expect(keyName(found.key)).toBe('E♭ major');
  });

  it('hears Ode to Joy in C major', () => {
    expect(detectKey(tune(ODE_TO_JOY_IN_C)).key).toEqual(major(0));
  });

  it('hears the opening of Greensleeves in A minor, with C major and the parallel major as runners-up', () => {
    const found = detectKey(tune(GREENSLEEVES_IN_A_MINOR, 0));
    expect(found.key).toEqual(minor(0));
    expect(found.tonic).toEqual({ step: 'A', alter: 0 });
    expect(keyName(found.key)).toBe('a minor');
    expect(found.alternatives.slice(0, 2).map((a) => keyName(a.key))).toEqual(['A major', 'C major']);
  });

  it('finds no key in a chromatic scale: every correlation is zero', () => {
    const found = detectKey(tune(CHROMATIC_SCALE));
    expect(Math.abs(found.correlation)).toBeLessThan(1e-12);
    for (const alternative of found.alternatives) expect(Math.abs(alternative.correlation)).toBeLessThan(1e-12);
  });
});

describe('detectKey spells the key', () => {
  it.each([
    ['A1', major(7), 'C♯ major'],
    ['m2', major(-5), 'D♭ major'],
    ['A4', major(6), 'F♯ major'],
    ['d5', major(-6), 'G♭ major'],
    ['M7', major(5), 'B major'],
    ['d8', major(-7), 'C♭ major'],
  ])('reads Twinkle moved by %s in the signature its spelling uses: %j (%s)', (interval, key, name) => {
    const found = detectKey(up(tune(TWINKLE_IN_C), interval));
    expect(found.key).toEqual(key);
    expect(keyName(found.key)).toBe(name);
  });

  it.each([
    ['A4', minor(6), 'd♯ minor'],
    ['d5', minor(-6), 'e♭ minor'],
    ['m2', minor(-5), 'b♭ minor'],
    ['A1', minor(7), 'a♯ minor'],
    ['P5', minor(1), 'e minor'],
  ])('reads Greensleeves moved by %s as %j (%s)', (interval, key, name) => {
    const found = detectKey(up(tune(GREENSLEEVES_IN_A_MINOR, 0), interval));
    expect(found.key).toEqual(key);
    expect(keyName(found.key)).toBe(name);
  });
});

describe('detectKey correlates with the Krumhansl–Kessler profiles', () => {
  const profiled = (profile: readonly number[], tonic: string): TimedPitch[] =>
    profile.map((rating, i) => ({
      pitch: midiToPitch(pitchToMidi(parsePitch(tonic)) + i),
      duration: frac(Math.round(rating * 100), 100),
    }));

  it('correlates 1 with the key whose profile the durations follow', () => {
    const found = detectKey(profiled(MAJOR_PROFILE, 'C4'));
    expect(found.key).toEqual(major(0));
    expect(found.correlation).toBeCloseTo(1, 12);
    const minorFound = detectKey(profiled(MINOR_PROFILE, 'A3'));
    expect(minorFound.key).toEqual(minor(0));
    expect(minorFound.correlation).toBeCloseTo(1, 12);
  });

  it('ranks the other 23 keys best first, each key once', () => {
    const found = detectKey(tune(TWINKLE_IN_C));
    expect(found.alternatives).toHaveLength(23);
    const all = [found, ...found.alternatives];
    expect(new Set(all.map((k) => keyName(k.key))).size).toBe(24);
    all.slice(1).forEach((k, i) => expect(k.correlation).toBeLessThanOrEqual(all[i].correlation));
  });

  it('weighs notes by how long they sound', () => {
    const notes = (long: string): TimedPitch[] =>
      ['C4', 'E4', 'G4', 'A4'].map((p) => ({ pitch: parsePitch(p), duration: frac(p === long ? 8 : 1, 4) }));
    expect(detectKey(notes('C4')).key).toEqual(major(0));
    expect(detectKey(notes('A4')).key).toEqual(minor(0));
  });

  it('computes Pearson correlation, and zero for a flat series', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBe(0);
  });
});

describe('detectKey refuses what it cannot read', () => {
  it('throws NOT_ENOUGH_NOTES, a rule violation, for an empty passage', () => {
    expect(() => detectKey([])).toThrow(domainError('NOT_ENOUGH_NOTES'));
    try {
      detectKey([]);
    } catch (error) {
      expect(isDomainError(error) && error.kind).toBe('rule');
    }
  });

  it('throws NOT_ENOUGH_NOTES when only grace notes (no duration) sound', () => {
    expect(() => detectKey([{ pitch: parsePitch('C4'), duration: frac(0) }])).toThrow(domainError('NOT_ENOUGH_NOTES'));
  });

  it('rejects a negative or malformed duration and an invalid pitch', () => {
    const c4 = parsePitch('C4');
    expect(() => detectKey([{ pitch: c4, duration: { num: -1, den: 4 } }])).toThrow(domainError('ANALYSIS_INPUT_MUST_BE_VALID'));
    expect(() => detectKey([{ pitch: c4, duration: { num: 1, den: 0 } }])).toThrow(domainError('ANALYSIS_INPUT_MUST_BE_VALID'));
    expect(() => detectKey([{ pitch: { ...c4, octave: 12 }, duration: frac(1, 4) }])).toThrow(domainError('INVALID_PITCH'));
  });
});

describe('detectKey properties', () => {
  const pitch = fc.record({
    step: fc.constantFrom<Step>('C', 'D', 'E', 'F', 'G', 'A', 'B'),
    alter: fc.constantFrom<Alter>(-1, 0, 1),
    octave: fc.integer({ min: 3, max: 5 }),
  });
  const duration = fc.constantFrom<Fraction>(frac(1, 16), frac(1, 8), frac(3, 16), frac(1, 4), frac(3, 8), frac(1, 2), frac(1));
  const melody = fc.array(fc.record({ pitch, duration }), { minLength: 1, maxLength: 32 });
  const interval = fc.constantFrom(
    ...['m2', 'M2', 'm3', 'M3', 'P4', 'A4', 'd5', 'P5', 'm6', 'M6', 'm7', 'M7', '-M2', '-m3', '-P5', 'A1', 'd8'].map(parseInterval),
  );
  const moved = (notes: TimedPitch[], i: Interval): TimedPitch[] | undefined => {
    try {
      return notes.map((n) => ({ ...n, pitch: transposePitch(n.pitch as Pitch, i) }));
    } catch {
      return undefined; // a note would need a triple accidental
    }
  };

  it('moves the tonic by the interval the melody is moved by', () => {
    fc.assert(
      fc.property(melody, interval, (notes, i) => {
        const transposed = moved(notes, i);
        fc.pre(transposed !== undefined);
        const before = detectKey(notes);
        // Equal best correlations (a melody as symmetric as a tritone) leave the choice to the fixed order.
        fc.pre(before.correlation !== before.alternatives[0].correlation);
        const after = detectKey(transposed);
        expect(pitchClassNumber(after.tonic)).toBe((pitchClassNumber(before.tonic) + semitones(i) + 120) % 12);
        expect(after.key.mode).toBe(before.key.mode);
        expect(after.correlation).toBe(before.correlation);
      }),
      { numRuns: 300 },
    );
  });
});
