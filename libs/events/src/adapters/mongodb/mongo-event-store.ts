import mongoose, { type Connection } from 'mongoose';
import type { NewEvent, StoredEvent } from '../../envelope';
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
import type { EventStoreOptions } from '../../store/store-options';
import { appendResult } from '../../store/stored-events';
import { UpcasterChain } from '../../upcasting/upcaster-chain';
import { commitAppend, isDuplicateKey, toStoreError, TRANSACTION_OPTIONS, type CommitOutcome } from './mongo-append';
import { commitEvents, ensureEventIndexes, eventCollections, type EventCollections } from './mongo-event-documents';

export interface MongoEventStoreOptions extends EventStoreOptions {
  /** An open mongoose connection to a replica set; the caller closes it unless `ownsConnection`. */
  connection: Connection;
  ownsConnection?: boolean;
}

const MAX_ATTEMPTS = 5;
const majority = { readConcern: { level: 'majority' as const } };

/**
 * MongoDB adapter (needs a replica set for transactions). All decisions are the shared ones in
 * store/; this file only moves documents. Contract checks run through testcontainers where
 * Docker is available (test/contract/mongodb.contract.spec.ts).
 */
export class MongoEventStore implements EventStore {
  private readonly collections: EventCollections;
  private readonly upcasters: UpcasterChain;
  private readonly guard = new OpenGuard('MongoEventStore');
  private indexed?: Promise<void>;

  constructor(private readonly options: MongoEventStoreOptions) {
    this.collections = eventCollections(options.connection);
    this.upcasters = options.upcasters ?? new UpcasterChain();
  }

  static async connect(uri: string, options: EventStoreOptions = {}): Promise<MongoEventStore> {
    try {
      const connection = await mongoose.createConnection(uri, { writeConcern: { w: 'majority', j: true } }).asPromise();
      const store = new MongoEventStore({ ...options, connection, ownsConnection: true });
      await store.ready();
      return store;
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** Creates the indexes once; appends wait for it. */
  ready(): Promise<void> {
    this.indexed ??= ensureEventIndexes(this.options.connection, this.collections);
    return this.indexed;
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.guard.assertOpen();
    const append = prepareAppend(streamId, events, options, this.upcasters);
    try {
      await this.ready();
      const outcome = await this.commitWithRetry(append);
      return appendResult(streamId, outcome.events, outcome.duplicate, this.upcasters);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    const { fromVersion, toVersion } = resolveReadStream(streamId, options);
    this.guard.assertOpen();
    const { commits } = this.collections;
    // Start at the commit holding `fromVersion`, so the index scan skips the stream's older history.
    const first = await commits.findOne({ streamId, fromVersion: { $lte: fromVersion } }, { sort: { fromVersion: -1 }, ...majority });
    const cursor = commits
      .find({ streamId, fromVersion: { $gte: first?.fromVersion ?? fromVersion, $lte: toVersion } }, majority)
      .sort({ fromVersion: 1 })
      .batchSize(100);
    try {
      for await (const commit of cursor) {
        for (const event of commitEvents(commit)) {
          if (event.version >= fromVersion && event.version <= toVersion) yield this.upcasters.upcast(event);
        }
      }
    } finally {
      await cursor.close();
    }
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    const { afterPosition, limit } = resolveReadAll(options);
    this.guard.assertOpen();
    const cursor = this.collections.commits.find({ toPosition: { $gt: afterPosition } }, majority).sort({ toPosition: 1 });
    const page: StoredEvent[] = [];
    try {
      for await (const commit of cursor) {
        for (const event of commitEvents(commit)) {
          if (event.position > afterPosition && page.length < limit) page.push(this.upcasters.upcast(event));
        }
        if (page.length >= limit) break;
      }
    } finally {
      await cursor.close();
    }
    return page;
  }

  async streamVersion(streamId: string): Promise<number> {
    this.guard.assertOpen();
    const head = await this.collections.streams.findOne({ _id: streamId }, majority);
    return head?.version ?? 0;
  }

  async headPosition(): Promise<number> {
    this.guard.assertOpen();
    const last = await this.collections.commits.findOne({}, { sort: { toPosition: -1 }, ...majority });
    return last?.toPosition ?? 0;
  }

  async close(): Promise<void> {
    if (!this.guard.isOpen) return;
    this.guard.close();
    if (this.options.ownsConnection) await this.options.connection.close();
  }

  private async commitWithRetry(append: PreparedAppend): Promise<CommitOutcome> {
    const context = { clock: this.options.clock ?? (() => new Date()), hooks: this.options.hooks ?? {} };
    for (let attempt = 1; ; attempt++) {
      const session = await this.options.connection.startSession();
      try {
        return await session.withTransaction(
          () => commitAppend(this.collections, session, append, context),
          TRANSACTION_OPTIONS,
        );
      } catch (error) {
        // A lost race on a unique index: the next attempt sees the winner and decides again.
        if (!isDuplicateKey(error) || attempt >= MAX_ATTEMPTS) throw error;
      } finally {
        await session.endSession();
      }
    }
  }
}
