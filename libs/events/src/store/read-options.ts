import { InvalidReadError } from './errors';
import type { ReadAllOptions, ReadStreamOptions } from './event-store.port';

export const DEFAULT_READ_ALL_LIMIT = 1000;

export interface VersionRange {
  fromVersion: number;
  /** Infinity when the caller wants everything up to the head. */
  toVersion: number;
}

export function resolveReadStream(streamId: string, options: ReadStreamOptions = {}): VersionRange {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidReadError('streamId must be a non-empty string');
  }
  const fromVersion = options.fromVersion ?? 1;
  const toVersion = options.toVersion ?? Infinity;
  requireInteger(fromVersion, 'fromVersion', 1);
  if (toVersion !== Infinity) requireInteger(toVersion, 'toVersion', 0);
  return { fromVersion, toVersion };
}

export function resolveReadAll(options: ReadAllOptions = {}): Required<ReadAllOptions> {
  const afterPosition = options.afterPosition ?? 0;
  const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
  requireInteger(afterPosition, 'afterPosition', 0);
  requireInteger(limit, 'limit', 1);
  return { afterPosition, limit };
}

function requireInteger(value: number, name: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidReadError(`${name} must be an integer >= ${min}`);
  }
}
