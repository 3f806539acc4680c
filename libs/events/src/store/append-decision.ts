import { IdempotencyConflictError, WrongExpectedVersionError } from './errors';
import type { ExpectedVersion } from './event-store.port';
import type { PreparedAppend } from './prepare-append';

/** What a store remembers about a committed command (contract G3). */
export interface RecordedCommand {
  commandId: string;
  fingerprint: string;
  streamId: string;
  fromVersion: number;
  toVersion: number;
}

export type AppendDecision =
  | { kind: 'duplicate'; command: RecordedCommand }
  | { kind: 'write'; fromVersion: number };

/**
 * The one rule every adapter applies inside its transaction. The commandId is checked before the
 * expected version, because a retry after a lost response would otherwise fail on its own write.
 */
export function decideAppend(
  append: PreparedAppend,
  recorded: RecordedCommand | undefined,
  currentVersion: number,
): AppendDecision {
  if (recorded) {
    if (recorded.fingerprint !== append.fingerprint) throw new IdempotencyConflictError(append.commandId);
    return { kind: 'duplicate', command: recorded };
  }
  if (!satisfies(append.expectedVersion, currentVersion)) {
    throw new WrongExpectedVersionError(append.streamId, append.expectedVersion, currentVersion);
  }
  return { kind: 'write', fromVersion: currentVersion + 1 };
}

/** `0` and `no_stream` mean the same: versions start at 1, so an absent stream is at 0. */
export function satisfies(expected: ExpectedVersion, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === 0;
    case 'stream_exists':
      return current > 0;
    default:
      return expected === current;
  }
}

export function recordedCommand(append: PreparedAppend, fromVersion: number): RecordedCommand {
  return {
    commandId: append.commandId,
    fingerprint: append.fingerprint,
    streamId: append.streamId,
    fromVersion,
    toVersion: fromVersion + append.events.length - 1,
  };
}
