import mongoose, { type Connection } from 'mongoose';
import { collectionsOf, isAhead, NO_CHECKPOINT, prepareCommit } from '../../shared/commit-rules';
import { byPosition, toDeadLetter } from '../../shared/dead-letter-rules';
import { canAcquire, canRenew, checkLeaseRequest } from '../../shared/lease-rules';
import { normalizeQuery, type NormalizedQuery } from '../../shared/query';
import {
  CollectionOwnedError,
  GenerationActiveError,
  GenerationNotFoundError,
  LeaseLostError,
  ReadModelStoreError,
  ReadModelStoreUnavailableError,
} from '../../store/errors';
import type {
  CommitOptions,
  CommitResult,
  DeadLetter,
  DeadLetterInput,
  DocumentChange,
  FindQuery,
  GenerationInfo,
  LeaseInfo,
  ReadModelCheckpoint,
  ReadModelDoc,
  ReadModelStore,
} from '../../store/read-model-store.port';

type Session = mongoose.mongo.ClientSession;
type GenerationRecord = GenerationInfo & { _id: number };
type LeaseRecord = { _id: string; ownerId: string; expiresAt: number };
type DocRecord = { _id: string; generation: number; collection: string; id: string; doc: ReadModelDoc };
type Counter = { _id: string; value: number };
type Owner = { _id: string; projection: string };
type DeadLetterRecord = DeadLetter & { _id: string };

/**
 * Read models in MongoDB (mongoose 9 connection, native collections, a replica set for
 * transactions). Thin on purpose: every rule lives in ../../shared and is exercised by the
 * memory and SQLite adapters. Writes run in majority transactions; `_id` never leaves this file.
 */
export class MongoReadModelStore implements ReadModelStore {
  private constructor(
    private readonly connection: Connection,
    private readonly clock: () => number,
  ) {}

  static async connect(uri: string, options: { clock?: () => number } = {}): Promise<MongoReadModelStore> {
    const connection = await guarded(() => mongoose.createConnection(uri, { writeConcern: { w: 'majority', j: true } }).asPromise());
    const store = new MongoReadModelStore(connection, options.clock ?? Date.now);
    await store.guard(async () => {
      await store.docs().createIndex({ generation: 1, collection: 1, id: 1 }, { unique: true });
      await store.generationsCol().createIndex({ projection: 1, status: 1 });
    });
    return store;
  }

  async get<Doc extends ReadModelDoc>(collection: string, id: string): Promise<Doc | undefined> {
    return this.guard(async () => {
      const generation = await this.activeGenerationOf(collection);
      if (generation === undefined) return undefined;
      const record = await this.docs().findOne({ generation, collection, id });
      return record ? (record.doc as Doc) : undefined;
    });
  }

  async find<Doc extends ReadModelDoc>(collection: string, query?: FindQuery): Promise<Doc[]> {
    const normalized = normalizeQuery(query);
    return this.guard(async () => {
      const generation = await this.activeGenerationOf(collection);
      if (generation === undefined) return [];
      const cursor = this.docs().find(toFilter(generation, collection, normalized)).sort(toSort(normalized)).skip(normalized.offset);
      const records = await (normalized.limit === undefined ? cursor : cursor.limit(normalized.limit)).toArray();
      return records.map((record) => record.doc as Doc);
    });
  }

  async loadDocs<Doc extends ReadModelDoc>(projection: string, generation: number, collection: string, ids: readonly string[]) {
    return this.guard(async () => {
      await this.generationOf(projection, generation);
      const records = await this.docs().find({ generation, collection, id: { $in: [...ids] } }).toArray();
      return new Map(records.map((record) => [record.id, record.doc as Doc]));
    });
  }

  async commit(
    projection: string,
    generation: number,
    changes: readonly DocumentChange[],
    checkpoint: ReadModelCheckpoint,
    options: CommitOptions = {},
  ): Promise<CommitResult> {
    const prepared = prepareCommit(changes, checkpoint);
    return this.transaction(async (session) => {
      const stored = (await this.generationOf(projection, generation, session)).checkpoint;
      if (options.ownerId !== undefined && !canRenew(await this.lease(projection, session), options.ownerId)) {
        throw new LeaseLostError(projection, options.ownerId);
      }
      if (!isAhead(checkpoint, stored)) return { applied: false, checkpoint: stored };
      await this.claim(collectionsOf(prepared), projection, session);
      const writes = prepared.map(({ collection, id, json }) => {
        const _id = `${generation}:${collection}:${id}`;
        return json === null
          ? { deleteOne: { filter: { _id } } }
          : { replaceOne: { filter: { _id }, replacement: { generation, collection, id, doc: JSON.parse(json) }, upsert: true } };
      });
      if (writes.length > 0) await this.docs().bulkWrite(writes, { session, ordered: true });
      const next = { position: checkpoint.position, recordedAt: checkpoint.recordedAt };
      await this.generationsCol().updateOne({ _id: generation }, { $set: { checkpoint: next } }, { session });
      return { applied: true, checkpoint: next };
    });
  }

  async checkpoint(projection: string, generation?: number): Promise<ReadModelCheckpoint> {
    return this.guard(async () => {
      const record = generation === undefined ? await this.activeRecord(projection) : await this.generationOf(projection, generation);
      return record?.checkpoint ?? { ...NO_CHECKPOINT };
    });
  }

  async beginGeneration(projection: string, options: { version?: number } = {}): Promise<number> {
    return this.guard(async () => {
      const counter = await this.counters().findOneAndUpdate({ _id: 'generation' }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' });
      if (!counter) throw new ReadModelStoreUnavailableError('The generation counter could not be incremented');
      const generation = counter.value;
      const record = { _id: generation, projection, generation, version: options.version ?? 1, status: 'building' as const, checkpoint: NO_CHECKPOINT };
      await this.generationsCol().insertOne(record);
      return generation;
    });
  }

  async activate(projection: string, generation: number): Promise<void> {
    await this.transaction(async (session) => {
      await this.generationOf(projection, generation, session);
      await this.generationsCol().updateMany({ projection, status: 'active' }, { $set: { status: 'retired' } }, { session });
      await this.generationsCol().updateOne({ _id: generation }, { $set: { status: 'active' } }, { session });
    });
  }

  async dropGeneration(projection: string, generation: number): Promise<void> {
    await this.guard(async () => {
      const record = await this.generationsCol().findOne({ _id: generation, projection });
      if (!record) return;
      if (record.status === 'active') throw new GenerationActiveError(projection, generation);
      await this.generationsCol().deleteOne({ _id: generation, status: { $ne: 'active' } });
      await this.docs().deleteMany({ generation });
    });
  }

  async activeGeneration(projection: string): Promise<GenerationInfo | undefined> {
    return this.guard(async () => {
      const record = await this.activeRecord(projection);
      return record ? toInfo(record) : undefined;
    });
  }

  async generations(projection: string): Promise<GenerationInfo[]> {
    return this.guard(async () => (await this.generationsCol().find({ projection }).sort({ _id: 1 }).toArray()).map(toInfo));
  }

  async tryAcquireLease(projection: string, ownerId: string, ttlMs: number): Promise<boolean> {
    checkLeaseRequest(ownerId, ttlMs);
    return this.transaction(async (session) => {
      const now = this.clock();
      if (!canAcquire(await this.lease(projection, session), ownerId, now)) return false;
      await this.leases().replaceOne({ _id: projection }, { ownerId, expiresAt: now + ttlMs }, { upsert: true, session });
      return true;
    });
  }

  async renewLease(projection: string, ownerId: string, ttlMs: number): Promise<boolean> {
    checkLeaseRequest(ownerId, ttlMs);
    return this.guard(async () => {
      const result = await this.leases().updateOne({ _id: projection, ownerId }, { $set: { expiresAt: this.clock() + ttlMs } });
      return result.matchedCount === 1;
    });
  }

  async releaseLease(projection: string, ownerId: string): Promise<void> {
    await this.guard(() => this.leases().deleteOne({ _id: projection, ownerId }));
  }

  async leaseHolder(projection: string): Promise<LeaseInfo | undefined> {
    return this.guard(() => this.lease(projection));
  }

  async recordDeadLetter(projection: string, input: DeadLetterInput): Promise<void> {
    const letter = toDeadLetter(projection, input, this.clock());
    const _id = `${projection}:${letter.position}`;
    await this.guard(() => this.deadLetters().replaceOne({ _id }, letter, { upsert: true }));
  }

  async listDeadLetters(projection: string): Promise<DeadLetter[]> {
    const records = await this.guard(() => this.deadLetters().find({ projection }).toArray());
    return records.map(({ _id, ...letter }) => letter).sort(byPosition);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private async activeGenerationOf(collection: string): Promise<number | undefined> {
    const owner = await this.owners().findOne({ _id: collection });
    return owner ? (await this.activeRecord(owner.projection))?.generation : undefined;
  }

  private activeRecord(projection: string, session?: Session) {
    return this.generationsCol().findOne({ projection, status: 'active' }, { session });
  }

  private async generationOf(projection: string, generation: number, session?: Session): Promise<GenerationRecord> {
    const record = await this.generationsCol().findOne({ _id: generation }, { session });
    if (!record || record.projection !== projection) throw new GenerationNotFoundError(projection, generation);
    return record;
  }

  private async lease(projection: string, session?: Session): Promise<LeaseInfo | undefined> {
    const record = await this.leases().findOne({ _id: projection }, { session });
    return record ? { projection, ownerId: record.ownerId, expiresAt: record.expiresAt } : undefined;
  }

  private async claim(collections: readonly string[], projection: string, session: Session): Promise<void> {
    for (const collection of collections) {
      await this.owners().updateOne({ _id: collection }, { $setOnInsert: { projection } }, { upsert: true, session });
      const owner = (await this.owners().findOne({ _id: collection }, { session }))?.projection ?? projection;
      if (owner !== projection) throw new CollectionOwnedError(collection, owner, projection);
    }
  }

  private transaction<T>(work: (session: Session) => Promise<T>): Promise<T> {
    return this.guard(() => this.connection.transaction(work, { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority', j: true } }));
  }

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return guarded(work);
  }

  private native<T extends mongoose.mongo.Document>(name: string) {
    if (!this.connection.db) throw new ReadModelStoreUnavailableError('MongoDB connection is not open');
    return this.connection.db.collection<T>(name);
  }

  private docs = () => this.native<DocRecord>('rm_documents');
  private generationsCol = () => this.native<GenerationRecord>('rm_generations');
  private owners = () => this.native<Owner>('rm_collections');
  private leases = () => this.native<LeaseRecord>('rm_leases');
  private counters = () => this.native<Counter>('rm_counters');
  private deadLetters = () => this.native<DeadLetterRecord>('rm_dead_letters');
}

/** Our own errors pass through; a driver error becomes the store's typed error. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReadModelStoreError) throw error;
    throw new ReadModelStoreUnavailableError(`MongoDB read model store failed: ${(error as Error).message}`, error);
  }
}

function toFilter(generation: number, collection: string, query: NormalizedQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = { generation, collection };
  for (const [field, value] of query.where) filter[`doc.${field}`] = value;
  return filter;
}

function toSort(query: NormalizedQuery): Record<string, 1 | -1> {
  const sort: Record<string, 1 | -1> = {};
  for (const { field, direction } of query.orderBy) sort[`doc.${field}`] = direction === 'asc' ? 1 : -1;
  sort['id'] = 1;
  return sort;
}

function toInfo({ projection, generation, version, status, checkpoint }: GenerationRecord): GenerationInfo {
  return { projection, generation, version, status, checkpoint: { ...checkpoint } };
}
