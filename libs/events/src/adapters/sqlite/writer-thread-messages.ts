import {
  EventStoreError,
  IdempotencyConflictError,
  InvalidAppendError,
  StoreUnavailableError,
  WrongExpectedVersionError,
} from '../../store/errors';
import type { ExpectedVersion } from '../../store/event-store.port';
import type { AppendWriterOptions, WriteOutcome } from './append-writer';
import type { GroupCommitStats } from './group-commit';

/** What the writer thread starts with: functions (clock, hooks) cannot cross, so none are here. */
export interface WriterThreadData {
  filename: string;
  options: Pick<AppendWriterOptions, 'maxGroupSize' | 'groupCommitWindowMs'>;
}

/** An error as plain data, enough to build the same store error again on the other side. */
export interface ErrorDescription {
  name: string;
  message: string;
  streamId?: string;
  expected?: ExpectedVersion;
  actual?: number;
  commandId?: string;
}

export type WriterReply =
  | { id: number; outcome: WriteOutcome; stats: GroupCommitStats }
  | { id: number; error: ErrorDescription; stats: GroupCommitStats }
  | { ready: true }
  | { failed: ErrorDescription };

export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { streamId, expected, actual, commandId } = error as Partial<WrongExpectedVersionError & IdempotencyConflictError>;
  return { name: error.name, message: error.message, streamId, expected, actual, commandId };
}

/** The store error a description stands for; anything the writer did not throw as a store error is the store's failure. */
export function errorFrom(description: ErrorDescription): EventStoreError {
  switch (description.name) {
    case 'WrongExpectedVersionError':
      return new WrongExpectedVersionError(description.streamId as string, description.expected as ExpectedVersion, description.actual as number);
    case 'IdempotencyConflictError':
      return new IdempotencyConflictError(description.commandId as string);
    case 'InvalidAppendError':
      return new InvalidAppendError(description.message);
    case 'StoreUnavailableError':
      return new StoreUnavailableError(description.message);
    default:
      return new StoreUnavailableError(`SQLite writer thread failed: ${description.name}: ${description.message}`);
  }
}
