import type { ActorKind, EventMetadata, NewEvent } from '../envelope';
import type { UpcasterChain } from '../upcasting/upcaster-chain';
import { InvalidAppendError } from './errors';
import type { AppendOptions, ExpectedVersion } from './event-store.port';
import { appendFingerprint } from './fingerprint';

export interface PreparedEvent {
  type: string;
  schemaVersion: number;
  /** The data as it will be stored: serialised once, here, so a bad payload fails before any write. */
  json: string;
}

/** An append checked and serialised, ready for any adapter to write. */
export interface PreparedAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  commandId: string;
  events: PreparedEvent[];
  /** Everything but `recordedAt`, which the adapter stamps when it writes. */
  metadata: Omit<EventMetadata, 'recordedAt'>;
  /** Hash of what the append stores (contract G3), worked out on first use: most appends never need it. */
  readonly fingerprint: string;
}

const ACTOR_KINDS: readonly ActorKind[] = ['user', 'api-key', 'system'];
const VERSION_MODES: readonly ExpectedVersion[] = ['any', 'no_stream', 'stream_exists'];

/** Validates an append and serialises its events; throws InvalidAppendError on the first problem. */
export function prepareAppend(
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
  upcasters?: UpcasterChain,
): PreparedAppend {
  requireText(streamId, 'streamId');
  requireText(options?.commandId, 'commandId');
  requireExpectedVersion(options.expectedVersion);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError(`An append to ${streamId} needs at least one event`);
  }
  const prepared = events.map((event, index) => prepareEvent(event, index, upcasters));
  let fingerprint: string | undefined;
  return {
    streamId,
    expectedVersion: options.expectedVersion,
    commandId: options.commandId,
    events: prepared,
    metadata: prepareMetadata(options),
    // From the stored text, not the caller's objects, which may change before the adapter asks.
    get fingerprint() {
      fingerprint ??= appendFingerprint(streamId, prepared);
      return fingerprint;
    },
  };
}

function prepareEvent(event: NewEvent, index: number, upcasters?: UpcasterChain): PreparedEvent {
  requireText(event?.type, `events[${index}].type`);
  const schemaVersion = event.schemaVersion ?? upcasters?.currentVersion(event.type) ?? 1;
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw new InvalidAppendError(`events[${index}].schemaVersion must be a positive integer`);
  }
  return { type: event.type, schemaVersion, json: serialise(event.data, index) };
}

function serialise(data: unknown, index: number): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch (error) {
    throw new InvalidAppendError(`events[${index}].data cannot be stored as JSON: ${(error as Error).message}`);
  }
  if (json === undefined) throw new InvalidAppendError(`events[${index}].data must be a JSON value`);
  return json;
}

function prepareMetadata(options: AppendOptions): Omit<EventMetadata, 'recordedAt'> {
  const { actor, commandId } = options;
  if (!actor || !ACTOR_KINDS.includes(actor.kind)) {
    throw new InvalidAppendError(`actor.kind must be one of ${ACTOR_KINDS.join(', ')}`);
  }
  requireText(actor.id, 'actor.id');
  const metadata: Omit<EventMetadata, 'recordedAt'> = {
    commandId,
    correlationId: options.correlationId ?? commandId,
    causationId: options.causationId ?? commandId,
    actor: { id: actor.id, kind: actor.kind },
  };
  if (options.clientId !== undefined) metadata.clientId = options.clientId;
  return metadata;
}

function requireExpectedVersion(expected: ExpectedVersion): void {
  const valid = VERSION_MODES.includes(expected) || (Number.isInteger(expected) && (expected as number) >= 0);
  if (!valid) {
    throw new InvalidAppendError(`expectedVersion must be any, no_stream, stream_exists or an integer >= 0`);
  }
}

function requireText(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidAppendError(`${name} must be a non-empty string`);
  }
}
