import { InvalidSubjectIdError } from './errors';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Personal data encrypted with its subject's key: AES-256-GCM, base64 fields. */
export interface SealedValue {
  $pii: { s: string; iv: string; ct: string; tag: string };
}

/** What a sealed value reads as once its subject's key has been deleted. */
export interface ErasedValue {
  $erased: true;
}

/** The type of `T` after `openDeep`: every sealed value becomes its plaintext or an erased marker. */
export type Opened<T> = T extends SealedValue
  ? Json | ErasedValue
  : T extends readonly (infer U)[]
    ? Opened<U>[]
    : T extends object
      ? { [K in keyof T]: Opened<T[K]> }
      : T;

export const ERASED: ErasedValue = Object.freeze({ $erased: true as const });

export function isSealedValue(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null || !('$pii' in value)) return false;
  const pii = (value as SealedValue).$pii;
  return (
    typeof pii === 'object' && pii !== null &&
    ['s', 'iv', 'ct', 'tag'].every((field) => typeof (pii as Record<string, unknown>)[field] === 'string')
  );
}

export function isErasedValue(value: unknown): value is ErasedValue {
  return typeof value === 'object' && value !== null && (value as ErasedValue).$erased === true;
}

/** The subjects whose sealed values appear anywhere inside `data`. */
export function findSealedSubjects(data: unknown, found = new Set<string>()): Set<string> {
  if (isSealedValue(data)) {
    found.add(data.$pii.s);
  } else if (Array.isArray(data)) {
    for (const item of data) findSealedSubjects(item, found);
  } else if (typeof data === 'object' && data !== null) {
    for (const value of Object.values(data)) findSealedSubjects(value, found);
  }
  return found;
}

export function assertSubjectId(subjectId: unknown): asserts subjectId is string {
  if (typeof subjectId !== 'string' || subjectId.length === 0) throw new InvalidSubjectIdError(subjectId);
}
