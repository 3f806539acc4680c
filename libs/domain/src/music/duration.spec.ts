import {
  beatLength, DURATION_TYPES, durationToFraction, durationTypeToFraction, isCompoundMeter, isValidDuration,
  isValidTimeSignature, measureLength, plainDurationFor, sumDurations,
} from './duration';
import { frac } from './fraction';
import type { Duration } from './music.types';

const musicError = (code: string) => expect.objectContaining({ name: 'MusicError', code });

describe('durationToFraction', () => {
  it.each<[Duration, [number, number]]>([
    [{ type: 'whole', dots: 0 }, [1, 1]],
    [{ type: 'half', dots: 0 }, [1, 2]],
    [{ type: 'quarter', dots: 0 }, [1, 4]],
    [{ type: 'eighth', dots: 0 }, [1, 8]],
    [{ type: '16th', dots: 0 }, [1, 16]],
    [{ type: '32nd', dots: 0 }, [1, 32]],
    [{ type: '64th', dots: 0 }, [1, 64]],
    [{ type: 'quarter', dots: 1 }, [3, 8]],
    [{ type: 'quarter', dots: 2 }, [7, 16]],
    [{ type: 'half', dots: 1 }, [3, 4]],
    [{ type: 'whole', dots: 2 }, [7, 4]],
    [{ type: 'eighth', dots: 0, tuplet: { actual: 3, normal: 2 } }, [1, 12]],
    [{ type: 'quarter', dots: 0, tuplet: { actual: 3, normal: 2 } }, [1, 6]],
    [{ type: '16th', dots: 0, tuplet: { actual: 5, normal: 4 } }, [1, 20]],
    [{ type: 'eighth', dots: 1, tuplet: { actual: 2, normal: 3 } }, [9, 32]],
  ])('gives %j the length %j of a whole note', (duration, [num, den]) => {
    expect(durationToFraction(duration)).toEqual(frac(num, den));
  });

  it('halves the value at each step of DURATION_TYPES', () => {
    DURATION_TYPES.forEach((type, i) => expect(durationTypeToFraction(type)).toEqual(frac(1, 2 ** i)));
  });

  it('rejects an invalid duration with INVALID_DURATION', () => {
    expect(() => durationToFraction({ type: 'quarter', dots: 3 })).toThrow(musicError('INVALID_DURATION'));
  });
});

describe('isValidDuration', () => {
  it.each<[Duration, boolean]>([
    [{ type: 'quarter', dots: 0 }, true],
    [{ type: 'quarter', dots: 2 }, true],
    [{ type: 'quarter', dots: 3 }, false],
    [{ type: 'quarter', dots: -1 }, false],
    [{ type: 'quarter', dots: 0.5 }, false],
    [{ type: 'breve' as never, dots: 0 }, false],
    [{ type: 'eighth', dots: 0, tuplet: { actual: 3, normal: 2 } }, true],
    [{ type: 'eighth', dots: 0, tuplet: { actual: 32, normal: 32 } }, true],
    [{ type: 'eighth', dots: 0, tuplet: { actual: 33, normal: 32 } }, false],
    [{ type: 'eighth', dots: 0, tuplet: { actual: 0, normal: 2 } }, false],
    [{ type: 'eighth', dots: 0, tuplet: { actual: 3, normal: 1.5 } }, false],
  ])('judges %j valid: %p', (duration, valid) => {
    expect(isValidDuration(duration)).toBe(valid);
  });
});

describe('plainDurationFor', () => {
  it('finds the plain value for a length, dotted ones included', () => {
    expect(plainDurationFor(frac(3, 8))).toEqual({ type: 'quarter', dots: 1 });
    expect(plainDurationFor(frac(7, 8))).toEqual({ type: 'half', dots: 2 });
    expect(plainDurationFor(frac(1, 64))).toEqual({ type: '64th', dots: 0 });
  });

  it('finds none for lengths no plain value has', () => {
    expect(plainDurationFor(frac(1, 3))).toBeUndefined();
    expect(plainDurationFor(frac(5, 8))).toBeUndefined();
    expect(plainDurationFor(frac(7, 8), 1)).toBeUndefined();
  });

  it('sums durations exactly', () => {
    expect(sumDurations([{ type: 'quarter', dots: 1 }, { type: 'eighth', dots: 0 }])).toEqual(frac(1, 2));
    expect(sumDurations([])).toEqual(frac(0));
  });
});

describe('time signatures', () => {
  it.each([
    [4, 4, [1, 1], [1, 4]],
    [3, 4, [3, 4], [1, 4]],
    [2, 2, [1, 1], [1, 2]],
    [6, 8, [3, 4], [3, 8]],
    [9, 8, [9, 8], [3, 8]],
    [12, 8, [3, 2], [3, 8]],
    [3, 8, [3, 8], [1, 8]],
    [5, 8, [5, 8], [1, 8]],
    [6, 4, [3, 2], [1, 4]],
    [6, 16, [3, 8], [3, 16]],
  ])('gives %i/%i a measure of %j and a beat of %j', (beats, beatType, [mn, md], [bn, bd]) => {
    const ts = { beats, beatType };
    expect(measureLength(ts)).toEqual(frac(mn, md));
    expect(beatLength(ts)).toEqual(frac(bn, bd));
  });

  it('treats only dotted-beat meters as compound', () => {
    expect(isCompoundMeter({ beats: 6, beatType: 8 })).toBe(true);
    expect(isCompoundMeter({ beats: 3, beatType: 8 })).toBe(false);
    expect(isCompoundMeter({ beats: 6, beatType: 4 })).toBe(false);
  });

  it.each([
    [0, 4],
    [4, 3],
    [4, 128],
    [2.5, 4],
    [100, 4],
  ])('rejects %i/%i with INVALID_TIME_SIGNATURE', (beats, beatType) => {
    expect(isValidTimeSignature({ beats, beatType })).toBe(false);
    expect(() => measureLength({ beats, beatType })).toThrow(musicError('INVALID_TIME_SIGNATURE'));
    expect(() => beatLength({ beats, beatType })).toThrow(musicError('INVALID_TIME_SIGNATURE'));
  });
});
