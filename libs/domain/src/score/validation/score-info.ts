import { measureLength } from '../../music/duration';
import { formatF, isZeroF, lteF } from '../../music/fraction';
import type { Fraction, TimeSignature } from '../../music/music.types';
import type { ScoreInfo } from '../model/score.types';
import { FieldMustBeValid, MeasureLengthMustNotExceedTimeSignature } from '../rules/rule-errors';
import { requireFraction, requireText } from './values';

export const INFO_FIELDS: readonly (keyof ScoreInfo)[] = ['title', 'subtitle', 'composer', 'arranger', 'copyright'];

export function requireInfoField(field: keyof ScoreInfo, value: unknown): string {
  return requireText(field, value, { allowEmpty: field !== 'title', max: field === 'copyright' ? 500 : 200 });
}

/** A pickup (or any irregular measure) is shorter than its time signature, and not empty. */
export function requireIrregularLength(measureId: string, value: unknown, ts: TimeSignature): Fraction {
  const length = requireFraction('length', value);
  if (isZeroF(length)) throw new FieldMustBeValid({ field: 'length', value, expected: 'a length above zero' });
  if (lteF(measureLength(ts), length)) {
    throw new MeasureLengthMustNotExceedTimeSignature({ measureId, length: formatF(length) });
  }
  return length;
}
