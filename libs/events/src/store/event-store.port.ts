import type { Actor, NewEvent, StoredEvent } from '../envelope';

/** Optimistic concurrency expectation (contract G1). */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  /** Idempotency key (contract G3): a retry with the same id returns the first result. */
  commandId: string;
  actor: Actor;
  /** Defaults to `commandId`. */
  correlationId?: string;
  /** Defaults to `commandId`. */
  causationId?: string;
  clientId?: string;
}

export interface AppendResult {
  streamId: string;
  /** The stream version after this append (the last event's version). */
  nextExpectedVersion: number;
  /** Position of the last event written by this append. */
  lastPosition: number;
  events: StoredEvent[];
  /** True when this was a retry of an already-committed commandId and nothing was appended. */
  duplicate: boolean;
}

export interface ReadStreamOptions {
  /** Inclusive, default 1. */
  fromVersion?: number;
  /** Inclusive, default: the stream's last version. */
  toVersion?: number;
}

export interface ReadAllOptions {
  /** Exclusive, default 0 (from the start). */
  afterPosition?: number;
  /** Page size, default 1000. */
  limit?: number;
}

/**
 * The one port every event store adapter implements: see
 * ../shared/EVENT-STORE-CONTRACT.md (G1-G11) and the contract suite in test/contract.
 */
export interface EventStore {
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** Streams the events of one stream in version order, a page at a time. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;
  /** One page of the global feed, ordered by position. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** 0 when the stream does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /** The highest committed position, 0 when the store is empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}
