import fc from 'fast-check';
import {
  addF, compareF, divF, eqF, formatF, frac, fractionToNumber, isZeroF, lteF, ltF, maxF, minF, mulF, subF, ZERO,
} from './fraction';
import { MusicError } from './music-error';
import type { Fraction } from './music.types';

const smallInt = fc.integer({ min: -500, max: 500 });
const nonZero = smallInt.filter((n) => n !== 0);
const fraction = fc.tuple(smallInt, nonZero).map(([n, d]) => frac(n, d));
const nonZeroFraction = fraction.filter((f) => f.num !== 0);

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MusicError);
    expect((e as MusicError).code).toBe(code);
    return;
  }
  throw new Error(`expected a MusicError ${code}`);
}

describe('frac', () => {
  it.each([
    [6, 8, { num: 3, den: 4 }],
    [3, -9, { num: -1, den: 3 }],
    [-2, -4, { num: 1, den: 2 }],
    [0, -5, { num: 0, den: 1 }],
    [7, 1, { num: 7, den: 1 }],
  ])('reduces %i/%i to lowest terms with a positive denominator', (num, den, expected) => {
    expect(frac(num, den)).toEqual(expected);
  });

  it('defaults the denominator to one', () => {
    expect(frac(5)).toEqual({ num: 5, den: 1 });
  });

  it('never produces a negative zero numerator', () => {
    expect(Object.is(frac(-0, 3).num, 0)).toBe(true);
    expect(Object.is(subF(frac(1, 2), frac(1, 2)).num, 0)).toBe(true);
  });

  it.each([
    [1, 0],
    [1.5, 2],
    [1, Number.NaN],
    [Number.MAX_SAFE_INTEGER + 1, 1],
  ])('rejects %p/%p with INVALID_FRACTION', (num, den) => {
    expectCode(() => frac(num, den), 'INVALID_FRACTION');
  });
});

describe('fraction arithmetic', () => {
  it('adds, subtracts, multiplies and divides exact values', () => {
    expect(addF(frac(1, 4), frac(1, 8))).toEqual(frac(3, 8));
    expect(subF(frac(1, 4), frac(3, 8))).toEqual(frac(-1, 8));
    expect(mulF(frac(3, 4), frac(2, 3))).toEqual(frac(1, 2));
    expect(divF(frac(3, 8), frac(1, 8))).toEqual(frac(3));
  });

  it('refuses to divide by zero', () => {
    expectCode(() => divF(frac(1, 2), ZERO), 'INVALID_FRACTION');
  });

  it('compares and orders fractions', () => {
    expect(compareF(frac(1, 3), frac(1, 2))).toBe(-1);
    expect(compareF(frac(2, 4), frac(1, 2))).toBe(0);
    expect(compareF(frac(3, 4), frac(1, 2))).toBe(1);
    expect(eqF(frac(2, 4), frac(1, 2))).toBe(true);
    expect(ltF(frac(1, 3), frac(1, 2))).toBe(true);
    expect(ltF(frac(1, 2), frac(1, 2))).toBe(false);
    expect(lteF(frac(1, 2), frac(1, 2))).toBe(true);
    expect(minF(frac(1, 3), frac(1, 2))).toEqual(frac(1, 3));
    expect(maxF(frac(1, 3), frac(1, 2))).toEqual(frac(1, 2));
    expect(minF(frac(1, 2), frac(1, 3))).toEqual(frac(1, 3));
    expect(maxF(frac(1, 2), frac(1, 3))).toEqual(frac(1, 2));
  });

  it('reports zero, converts to a number and formats as num/den', () => {
    expect(isZeroF(ZERO)).toBe(true);
    expect(isZeroF(frac(1, 64))).toBe(false);
    expect(fractionToNumber(frac(3, 8))).toBe(0.375);
    expect(formatF(frac(3, 8))).toBe('3/8');
    expect(formatF(frac(-4, 2))).toBe('-2/1');
  });
});

describe('fraction laws', () => {
  const isReduced = (f: Fraction): boolean => {
    let [a, b] = [Math.abs(f.num), f.den];
    while (b) [a, b] = [b, a % b];
    return f.den > 0 && a === 1;
  };

  it('keeps every result reduced with a positive denominator', () => {
    fc.assert(fc.property(fraction, fraction, (a, b) => [addF(a, b), subF(a, b), mulF(a, b)].every(isReduced)));
  });

  it('adds commutatively and associatively with zero as identity', () => {
    fc.assert(
      fc.property(fraction, fraction, fraction, (a, b, c) => {
        expect(addF(a, b)).toEqual(addF(b, a));
        expect(addF(addF(a, b), c)).toEqual(addF(a, addF(b, c)));
        expect(addF(a, ZERO)).toEqual(a);
      }),
    );
  });

  it('multiplies distributively over addition', () => {
    fc.assert(
      fc.property(fraction, fraction, fraction, (a, b, c) => {
        expect(mulF(a, addF(b, c))).toEqual(addF(mulF(a, b), mulF(a, c)));
      }),
    );
  });

  it('undoes addition with subtraction and multiplication with division', () => {
    fc.assert(
      fc.property(fraction, nonZeroFraction, (a, b) => {
        expect(subF(addF(a, b), b)).toEqual(a);
        expect(divF(mulF(a, b), b)).toEqual(a);
      }),
    );
  });

  it('orders consistently with the real numbers', () => {
    fc.assert(
      fc.property(fraction, fraction, (a, b) => {
        expect(compareF(a, b)).toBe(Math.sign(fractionToNumber(a) - fractionToNumber(b)) || 0);
        expect(compareF(a, b)).toBe(0 - compareF(b, a) || 0);
      }),
    );
  });
});
