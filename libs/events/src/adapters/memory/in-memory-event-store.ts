import type { EventMetadata, NewEvent, StoredEvent } from '../../envelope';
import { decideAppend, recordedCommand, type RecordedCommand } from '../../store/append-decision';
import { OpenGuard } from '../../store/closable';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
} from '../../store/event-store.port';
import { prepareAppend, type PreparedAppend } from '../../store/prepare-append';
import { resolveReadAll, resolveReadStream } from '../../store/read-options';
import type { AppendHooks, EventStoreOptions } from '../../store/store-options';
import { appendResult, newEventId, stampMetadata, toStoredEvent } from '../../store/stored-events';
import { UpcasterChain } from '../../upcasting/upcaster-chain';

/** Kept as JSON text so a caller mutating what it appended or read can never change the log. */
interface MemoryRecord {
  event: Omit<StoredEvent, 'data'>;
  json: string;
}

/**
 * The event store for tests and single-process tools. Same contract as the durable adapters,
 * minus durability and multi-process sharing. Each append runs synchronously, so appends never
 * interleave and positions are contiguous.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: MemoryRecord[] = [];
  /** streamId → positions, index = version - 1. */
  private readonly streams = new Map<string, number[]>();
  private readonly commands = new Map<string, RecordedCommand>();
  private readonly upcasters: UpcasterChain;
  private readonly clock: () => Date;
  private readonly hooks: AppendHooks;
  private readonly guard = new OpenGuard('InMemoryEventStore');

  constructor(options: EventStoreOptions = {}) {
    this.upcasters = options.upcasters ?? new UpcasterChain();
    this.clock = options.clock ?? (() => new Date());
    this.hooks = options.hooks ?? {};
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.guard.assertOpen();
    const append = prepareAppend(streamId, events, options, this.upcasters);
    const positions = this.streams.get(streamId) ?? [];
    const decision = decideAppend(append, this.commands.get(append.commandId), positions.length);
    if (decision.kind === 'duplicate') return this.replay(decision.command);
    const written = this.write(append, decision.fromVersion, positions);
    this.commands.set(append.commandId, recordedCommand(append, decision.fromVersion));
    return appendResult(streamId, written, false, this.upcasters);
  }

  async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    const { fromVersion, toVersion } = resolveReadStream(streamId, options);
    this.guard.assertOpen();
    const positions = this.streams.get(streamId) ?? [];
    for (let version = fromVersion; version <= Math.min(toVersion, positions.length); version++) {
      yield this.upcast(this.log[positions[version - 1] - 1]);
    }
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    const { afterPosition, limit } = resolveReadAll(options);
    this.guard.assertOpen();
    // Positions are contiguous from 1 here, so position p sits at index p - 1.
    return this.log.slice(afterPosition, afterPosition + limit).map((record) => this.upcast(record));
  }

  async streamVersion(streamId: string): Promise<number> {
    this.guard.assertOpen();
    return this.streams.get(streamId)?.length ?? 0;
  }

  async headPosition(): Promise<number> {
    this.guard.assertOpen();
    return this.log.length;
  }

  async close(): Promise<void> {
    this.guard.close();
  }

  private write(append: PreparedAppend, fromVersion: number, positions: number[]): StoredEvent[] {
    const metadata = stampMetadata(append, this.clock());
    const kept = copyMetadata(metadata);
    const written = append.events.map((event, index) => {
      const at = { version: fromVersion + index, position: this.log.length + 1, eventId: newEventId(), metadata };
      const stored = toStoredEvent(append, index, at);
      this.log.push({ event: { ...withoutData(stored), metadata: kept }, json: event.json });
      return stored;
    });
    try {
      this.hooks.beforeCommit?.(written);
    } catch (error) {
      this.log.length -= written.length;
      throw error;
    }
    positions.push(...written.map((event) => event.position));
    this.streams.set(append.streamId, positions);
    return written;
  }

  private replay(command: RecordedCommand): AppendResult {
    const positions = this.streams.get(command.streamId) as number[];
    const records = positions.slice(command.fromVersion - 1, command.toVersion).map((p) => this.log[p - 1]);
    return appendResult(command.streamId, records.map(fromRecord), true, this.upcasters);
  }

  private upcast(record: MemoryRecord): StoredEvent {
    return this.upcasters.upcast(fromRecord(record));
  }
}

function fromRecord({ event, json }: MemoryRecord): StoredEvent {
  return { ...event, data: JSON.parse(json), metadata: copyMetadata(event.metadata) };
}

function withoutData(event: StoredEvent): Omit<StoredEvent, 'data'> {
  const { data: _data, ...rest } = event;
  return rest;
}

function copyMetadata(metadata: EventMetadata): EventMetadata {
  return { ...metadata, actor: { ...metadata.actor } };
}
