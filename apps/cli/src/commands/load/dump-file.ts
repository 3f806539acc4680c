import { evolve, initialScoreState, type ScoreEvent } from '@bandpro/domain';
import type { Actor, ActorKind, AppendOptions, NewEvent } from '@bandpro/events';
import { CliError } from '../../cli/cli-error';

/** One append to replay: the events one command wrote, at the versions it wrote them. */
export interface DumpedAppend {
  fromVersion: number;
  events: NewEvent[];
  options: AppendOptions;
}

export interface DumpedStream {
  streamId: string;
  appends: DumpedAppend[];
  eventCount: number;
}

interface DumpedEvent {
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  commandId: string;
  actor: Actor;
  correlationId: string;
  causationId: string;
  clientId?: string;
}

const ACTOR_KINDS: readonly ActorKind[] = ['user', 'api-key', 'system'];

class DumpInvalid extends CliError {
  constructor(line: number, reason: string) {
    super('DUMP_INVALID', `Line ${line}: ${reason}; nothing was written`);
  }
}

/**
 * Checks a whole `bandpro dump` file before anything is written: one stream, versions 1..n in
 * order, every envelope field present, each command's events together, and events the domain can
 * replay. Returns the appends that reproduce the stream.
 */
export function parseDump(text: string): DumpedStream {
  const lines = text.split('\n').map((line, index) => ({ line: index + 1, text: line.trim() })).filter((l) => l.text !== '');
  if (lines.length === 0) throw new CliError('DUMP_INVALID', 'The file holds no events; nothing was written');
  const events = lines.map(({ line, text: json }) => ({ line, event: eventOf(line, json) }));
  const { streamId } = events[0].event;
  events.forEach(({ line, event }, index) => {
    if (event.streamId !== streamId) throw new DumpInvalid(line, `stream ${event.streamId} is not ${streamId}: a dump holds one score`);
    if (event.version !== index + 1) throw new DumpInvalid(line, `version ${event.version} where ${index + 1} was expected (versions run 1, 2, 3… in order)`);
  });
  replayable(events);
  return { streamId, appends: appendsOf(events), eventCount: events.length };
}

function eventOf(line: number, json: string): DumpedEvent {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new DumpInvalid(line, `not JSON (${(error as Error).message})`);
  }
  const record = objectAt(value, line, 'the line');
  const metadata = objectAt(record['metadata'], line, 'metadata');
  const actor = objectAt(metadata['actor'], line, 'metadata.actor');
  const text = (from: Record<string, unknown>, key: string, name = key) => {
    const field = from[key];
    if (typeof field !== 'string' || field === '') throw new DumpInvalid(line, `${name} must be a non-empty string`);
    return field;
  };
  const whole = (key: string) => {
    const field = record[key];
    if (!Number.isSafeInteger(field) || (field as number) < 1) throw new DumpInvalid(line, `${key} must be a whole number from 1`);
    return field as number;
  };
  if (!('data' in record)) throw new DumpInvalid(line, 'data is missing');
  const kind = text(actor, 'kind', 'metadata.actor.kind') as ActorKind;
  if (!ACTOR_KINDS.includes(kind)) throw new DumpInvalid(line, `metadata.actor.kind must be one of ${ACTOR_KINDS.join(', ')}`);
  const clientId = metadata['clientId'];
  if (clientId !== undefined && typeof clientId !== 'string') throw new DumpInvalid(line, 'metadata.clientId must be a string');
  return {
    streamId: text(record, 'streamId'),
    version: whole('version'),
    type: text(record, 'type'),
    schemaVersion: whole('schemaVersion'),
    data: record['data'],
    commandId: text(metadata, 'commandId', 'metadata.commandId'),
    actor: { id: text(actor, 'id', 'metadata.actor.id'), kind },
    correlationId: text(metadata, 'correlationId', 'metadata.correlationId'),
    causationId: text(metadata, 'causationId', 'metadata.causationId'),
    clientId,
  };
}

function objectAt(value: unknown, line: number, name: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new DumpInvalid(line, `${name} must be a JSON object`);
  return value as Record<string, unknown>;
}

/** The domain must accept the events in order: a dump edited by hand may not describe a score. */
function replayable(events: readonly { line: number; event: DumpedEvent }[]): void {
  let state = initialScoreState();
  for (const { line, event } of events) {
    try {
      state = evolve(state, { type: event.type, data: event.data } as ScoreEvent);
    } catch (error) {
      throw new DumpInvalid(line, `${event.type} cannot be replayed (${(error as Error).message})`);
    }
  }
}

/** Consecutive events of one commandId were one append; a commandId seen again later is an error. */
function appendsOf(events: readonly { line: number; event: DumpedEvent }[]): DumpedAppend[] {
  const appends: DumpedAppend[] = [];
  const seen = new Set<string>();
  let current: DumpedAppend | undefined;
  for (const { line, event } of events) {
    if (current?.options.commandId === event.commandId) {
      current.events.push({ type: event.type, data: event.data, schemaVersion: event.schemaVersion });
      continue;
    }
    if (seen.has(event.commandId)) throw new DumpInvalid(line, `command ${event.commandId} appears again after other commands`);
    seen.add(event.commandId);
    const { commandId, actor, correlationId, causationId, clientId } = event;
    const options: AppendOptions = { expectedVersion: event.version === 1 ? 'no_stream' : event.version - 1, commandId, actor, correlationId, causationId };
    if (clientId !== undefined) options.clientId = clientId;
    current = { fromVersion: event.version, events: [{ type: event.type, data: event.data, schemaVersion: event.schemaVersion }], options };
    appends.push(current);
  }
  return appends;
}
