/** Who caused an event. `recordedAt` is always the server's time, set by the store. */
export type ActorKind = 'user' | 'api-key' | 'system';

export interface Actor {
  id: string;
  kind: ActorKind;
}

export interface EventMetadata {
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  /** ISO-8601 server time at which the append committed. */
  recordedAt: string;
  clientId?: string;
}

/** An event as a writer hands it to the store. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  /** Defaults to the current schema version of `type` (1 when unknown). */
  schemaVersion?: number;
}

/** An event as the store keeps and returns it (contract G10). */
export interface StoredEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  streamId: string;
  /** Contiguous from 1 within the stream. */
  version: number;
  /** Global, strictly increasing, never reused; gaps allowed, skips never. */
  position: number;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
}
