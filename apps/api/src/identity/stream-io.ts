import { randomUUID } from 'node:crypto';
import type { Actor, EventStore, ExpectedVersion } from '@bandpro/events';

export interface LoadedStream<E> {
  events: E[];
  version: number;
}

/** Reads a (short) stream whole: accounts, sessions and access lists stay small, so no snapshots. */
export async function readEvents<E>(store: EventStore, streamId: string): Promise<LoadedStream<E>> {
  const events: E[] = [];
  let version = 0;
  for await (const event of store.readStream(streamId)) {
    events.push({ type: event.type, data: event.data } as E);
    version = event.version;
  }
  return { events, version };
}

export async function appendEvents(
  store: EventStore,
  streamId: string,
  events: readonly { type: string; data: unknown }[],
  expectedVersion: ExpectedVersion,
  actor: Actor,
): Promise<void> {
  if (events.length === 0) return;
  await store.append(streamId, events.map(({ type, data }) => ({ type, data })), { expectedVersion, commandId: randomUUID(), actor });
}
