import type { ClientSession } from 'mongoose';
import type { StoredEvent } from '../../envelope';
import { decideAppend } from '../../store/append-decision';
import { StoreUnavailableError, EventStoreError } from '../../store/errors';
import type { PreparedAppend } from '../../store/prepare-append';
import type { AppendHooks } from '../../store/store-options';
import { newEventId, stampMetadata } from '../../store/stored-events';
import { commitEvents, POSITION_COUNTER, type CommitDocument, type EventCollections } from './mongo-event-documents';

export interface CommitOutcome {
  events: StoredEvent[];
  duplicate: boolean;
}

/** G4 and G11: snapshot reads, majority + journaled writes, so positions follow commit order. */
export const TRANSACTION_OPTIONS = {
  readConcern: { level: 'snapshot' as const },
  writeConcern: { w: 'majority' as const, j: true },
  readPreference: 'primary' as const,
};

/**
 * One append inside a transaction. The counter document serialises writers (a concurrent
 * increment is a write conflict the driver retries), which is what makes positions never skip.
 */
export async function commitAppend(
  collections: EventCollections,
  session: ClientSession,
  append: PreparedAppend,
  context: { clock: () => Date; hooks: AppendHooks },
): Promise<CommitOutcome> {
  const { commits, streams, counters } = collections;
  const recorded = await commits.findOne({ commandId: append.commandId }, { session });
  const head = await streams.findOne({ _id: append.streamId }, { session });
  const current = head?.version ?? 0;
  const decision = decideAppend(append, recorded ?? undefined, current);
  if (decision.kind === 'duplicate') return { events: commitEvents(recorded as CommitDocument), duplicate: true };

  const count = append.events.length;
  const counter = await counters.findOneAndUpdate(
    { _id: POSITION_COUNTER },
    { $inc: { value: count } },
    { upsert: true, returnDocument: 'after', session },
  );
  const toPosition = (counter as { value: number }).value;
  const toVersion = current + count;
  // Matching on the version read above makes a racing writer's head update collide.
  await streams.updateOne({ _id: append.streamId, version: current }, { $set: { version: toVersion } }, { upsert: true, session });
  const commit = buildCommit(append, decision.fromVersion, toPosition, context.clock());
  await commits.insertOne({ ...commit }, { session });
  const events = commitEvents(commit);
  context.hooks.beforeCommit?.(events);
  return { events, duplicate: false };
}

function buildCommit(append: PreparedAppend, fromVersion: number, toPosition: number, recordedAt: Date): CommitDocument {
  const count = append.events.length;
  return {
    streamId: append.streamId,
    fromVersion,
    toVersion: fromVersion + count - 1,
    fromPosition: toPosition - count + 1,
    toPosition,
    commandId: append.commandId,
    fingerprint: append.fingerprint,
    metadata: stampMetadata(append, recordedAt),
    events: append.events.map((event) => ({
      eventId: newEventId(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.json,
    })),
  };
}

/** A duplicate key means another writer won a race the transaction could not see: run it again. */
export function isDuplicateKey(error: unknown): boolean {
  return isDriverError(error) && (error as { code?: unknown }).code === 11000;
}

/**
 * By name, not `instanceof`: URI parsing errors come from a helper package with its own
 * MongoParseError class, and a second copy of the driver would have its own classes too.
 */
function isDriverError(error: unknown): error is Error {
  const name = (error as Partial<Error> | null)?.name;
  return typeof name === 'string' && name.startsWith('Mongo');
}

/** Driver errors never escape (G1): our own typed errors and hook errors pass through. */
export function toStoreError(error: unknown): unknown {
  if (error instanceof EventStoreError) return error;
  if (isDriverError(error)) {
    return new StoreUnavailableError(`MongoDB event store failed: ${error.message}`, error);
  }
  return error;
}
