import { MusicError } from './music-error';
import type { Fraction } from './music.types';

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    [x, y] = [y, x % y];
  }
  return x;
}

/** Builds a reduced fraction with a positive denominator. */
export function frac(num: number, den = 1): Fraction {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den === 0) {
    throw new MusicError('INVALID_FRACTION', `Invalid fraction ${num}/${den}`, { num, den });
  }
  const sign = den < 0 ? -1 : 1;
  const divisor = gcd(num, den);
  const n = (sign * num) / divisor;
  // -0 would break deep equality with ZERO in callers' tests and comparisons by Object.is.
  return { num: n === 0 ? 0 : n, den: Math.abs(den) / divisor };
}

export const ZERO: Fraction = Object.freeze({ num: 0, den: 1 });

export function addF(a: Fraction, b: Fraction): Fraction {
  const d = gcd(a.den, b.den);
  return frac(a.num * (b.den / d) + b.num * (a.den / d), (a.den / d) * b.den);
}

export function subF(a: Fraction, b: Fraction): Fraction {
  return addF(a, { num: 0 - b.num, den: b.den });
}

export function mulF(a: Fraction, b: Fraction): Fraction {
  // Cross-reduce first so products stay small for long scores.
  const g1 = gcd(a.num, b.den);
  const g2 = gcd(b.num, a.den);
  return frac((a.num / g1) * (b.num / g2), (a.den / g2) * (b.den / g1));
}

export function divF(a: Fraction, b: Fraction): Fraction {
  if (b.num === 0) {
    throw new MusicError('INVALID_FRACTION', 'Division by a zero fraction', { a, b });
  }
  return mulF(a, { num: b.den, den: b.num });
}

export function compareF(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const diff = a.num * b.den - b.num * a.den;
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

export const eqF = (a: Fraction, b: Fraction): boolean => compareF(a, b) === 0;
export const ltF = (a: Fraction, b: Fraction): boolean => compareF(a, b) < 0;
export const lteF = (a: Fraction, b: Fraction): boolean => compareF(a, b) <= 0;
export const minF = (a: Fraction, b: Fraction): Fraction => (lteF(a, b) ? a : b);
export const maxF = (a: Fraction, b: Fraction): Fraction => (lteF(a, b) ? b : a);
export const isZeroF = (a: Fraction): boolean => a.num === 0;
export const fractionToNumber = (a: Fraction): number => a.num / a.den;

/** Always "num/den" ("3/8", "2/1"), so the text parses back the same way. */
export function formatF(a: Fraction): string {
  return `${a.num}/${a.den}`;
}
