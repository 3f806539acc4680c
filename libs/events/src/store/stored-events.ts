import { v7 as uuidv7 } from 'uuid';
import type { EventMetadata, StoredEvent } from '../envelope';
import type { UpcasterChain } from '../upcasting/upcaster-chain';
import type { AppendResult } from './event-store.port';
import type { PreparedAppend } from './prepare-append';

/** The metadata shared by every event of one append, stamped with the server clock (G10). */
export function stampMetadata(append: Pick<PreparedAppend, 'metadata'>, recordedAt: Date): EventMetadata {
  // Built field by field: spreading the prepared metadata cost several times as much, per append.
  const { commandId, correlationId, causationId, actor, clientId } = append.metadata;
  const metadata = { commandId, correlationId, causationId, actor: { id: actor.id, kind: actor.kind } } as EventMetadata;
  if (clientId !== undefined) metadata.clientId = clientId;
  metadata.recordedAt = isoTime(recordedAt);
  return metadata;
}

let lastTime = Number.NaN;
let lastIso = '';

/** `toISOString`, remembered for the last millisecond seen: the appends of one group commit share it. */
function isoTime(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    lastIso = date.toISOString();
    lastTime = time;
  }
  return lastIso;
}

/** Time-ordered ids (UUIDv7) keep index inserts at the right edge of the b-tree. */
export function newEventId(): string {
  return uuidv7();
}

/** The event at `index` of an append, as the store keeps it (before upcasting). */
export function toStoredEvent(
  append: Pick<PreparedAppend, 'streamId' | 'events'>,
  index: number,
  at: { version: number; position: number; eventId: string; metadata: EventMetadata },
): StoredEvent {
  const event = append.events[index];
  return {
    eventId: at.eventId,
    streamId: append.streamId,
    version: at.version,
    position: at.position,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.parse(event.json),
    metadata: at.metadata,
  };
}

export function appendResult(
  streamId: string,
  events: StoredEvent[],
  duplicate: boolean,
  upcasters?: UpcasterChain,
): AppendResult {
  const last = events[events.length - 1];
  return {
    streamId,
    nextExpectedVersion: last.version,
    lastPosition: last.position,
    events: upcasters ? events.map((event) => upcasters.upcast(event)) : events,
    duplicate,
  };
}
