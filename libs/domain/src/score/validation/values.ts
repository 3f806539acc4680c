import { durationToFraction, isValidDuration } from '../../music/duration';
import { frac } from '../../music/fraction';
import { isValidPitch } from '../../music/pitch';
import type { Duration, Fraction, Pitch } from '../../music/music.types';
import { DurationMustBeValid, FieldMustBeValid, PitchMustBeWithinMidiRange } from '../rules/rule-errors';

/* Client input is untrusted: each check copies only the fields it knows, so events hold clean values. */

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isInt = (v: unknown): v is number => Number.isSafeInteger(v);

/** A non-negative fraction of a whole note, reduced. */
export function requireFraction(field: string, value: unknown): Fraction {
  if (!isRecord(value) || !isInt(value.num) || !isInt(value.den) || value.num < 0 || value.den <= 0) {
    throw new FieldMustBeValid({ field, value, expected: 'a fraction { num >= 0, den > 0 } of integers' });
  }
  return frac(value.num, value.den);
}

export function requireDuration(value: unknown): Duration {
  if (!isRecord(value)) throw new DurationMustBeValid({ duration: value });
  const { type, dots, tuplet } = value;
  const d: Duration = { type: type as Duration['type'], dots: dots as number };
  if (tuplet !== undefined) {
    if (!isRecord(tuplet)) throw new DurationMustBeValid({ duration: value });
    d.tuplet = { actual: tuplet.actual as number, normal: tuplet.normal as number };
  }
  if (!isValidDuration(d)) throw new DurationMustBeValid({ duration: value });
  return d;
}

export function durationLength(d: Duration): Fraction {
  return durationToFraction(d);
}

export function requirePitch(value: unknown): Pitch {
  if (!isRecord(value)) throw new PitchMustBeWithinMidiRange({ pitch: value });
  const p = { step: value.step, alter: value.alter, octave: value.octave } as Pitch;
  if (!isValidPitch(p)) throw new PitchMustBeWithinMidiRange({ pitch: value });
  return p;
}

export function requireText(field: string, value: unknown, opts: { allowEmpty?: boolean; max?: number } = {}): string {
  const max = opts.max ?? 200;
  const ok = typeof value === 'string' && value.length <= max && (opts.allowEmpty || value.trim().length > 0);
  if (!ok) {
    const expected = `${opts.allowEmpty ? 'a' : 'a non-empty'} text of at most ${max} characters`;
    throw new FieldMustBeValid({ field, value, expected });
  }
  return value as string;
}

export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new FieldMustBeValid({ field, value, expected: `one of ${allowed.join(', ')}` });
  return value as T;
}

export function requireBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new FieldMustBeValid({ field, value, expected: 'true or false' });
  return value;
}

export function requireInteger(field: string, value: unknown, min: number, max: number): number {
  if (!isInt(value) || value < min || value > max) {
    throw new FieldMustBeValid({ field, value, expected: `an integer from ${min} to ${max}` });
  }
  return value;
}
