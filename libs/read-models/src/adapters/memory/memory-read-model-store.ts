import { collectionsOf, isAhead, NO_CHECKPOINT, prepareCommit } from '../../shared/commit-rules';
import { byPosition, toDeadLetter } from '../../shared/dead-letter-rules';
import { canAcquire, canRenew, checkLeaseRequest } from '../../shared/lease-rules';
import { normalizeQuery, runQuery, type IdentifiedDoc } from '../../shared/query';
import {
  CollectionOwnedError,
  GenerationActiveError,
  GenerationNotFoundError,
  LeaseLostError,
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

interface GenerationRecord extends GenerationInfo {
  /** collection → id → JSON text: stored as text so callers never share objects with the store. */
  docs: Map<string, Map<string, string>>;
}

export interface InMemoryReadModelStoreOptions {
  /** Epoch milliseconds; leases and dead letters use it. */
  clock?: () => number;
}

/** The reference adapter: same rules as SQLite and MongoDB, kept in process memory (tests, demos). */
export class InMemoryReadModelStore implements ReadModelStore {
  private readonly generationsById = new Map<number, GenerationRecord>();
  private readonly owners = new Map<string, string>();
  private readonly leases = new Map<string, LeaseInfo>();
  private readonly deadLetters = new Map<string, Map<number, DeadLetter>>();
  private readonly clock: () => number;
  private lastGeneration = 0;
  private closed = false;

  constructor(options: InMemoryReadModelStoreOptions = {}) {
    this.clock = options.clock ?? Date.now;
  }

  async get<Doc extends ReadModelDoc>(collection: string, id: string): Promise<Doc | undefined> {
    const json = this.activeDocs(collection)?.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as Doc);
  }

  async find<Doc extends ReadModelDoc>(collection: string, query?: FindQuery): Promise<Doc[]> {
    const normalized = normalizeQuery(query);
    const entries: IdentifiedDoc[] = [];
    for (const [id, json] of this.activeDocs(collection) ?? []) entries.push({ id, doc: JSON.parse(json) });
    return runQuery(entries, normalized) as Doc[];
  }

  async loadDocs<Doc extends ReadModelDoc>(
    projection: string,
    generation: number,
    collection: string,
    ids: readonly string[],
  ): Promise<Map<string, Doc>> {
    const docs = this.generation(projection, generation).docs.get(collection);
    const found = new Map<string, Doc>();
    for (const id of ids) {
      const json = docs?.get(id);
      if (json !== undefined) found.set(id, JSON.parse(json) as Doc);
    }
    return found;
  }

  async commit(
    projection: string,
    generation: number,
    changes: readonly DocumentChange[],
    checkpoint: ReadModelCheckpoint,
    options: CommitOptions = {},
  ): Promise<CommitResult> {
    const prepared = prepareCommit(changes, checkpoint);
    const record = this.generation(projection, generation);
    if (options.ownerId !== undefined && !canRenew(this.leases.get(projection), options.ownerId)) {
      throw new LeaseLostError(projection, options.ownerId);
    }
    if (!isAhead(checkpoint, record.checkpoint)) return { applied: false, checkpoint: { ...record.checkpoint } };
    this.claim(collectionsOf(prepared), projection);
    for (const { collection, id, json } of prepared) {
      const docs = record.docs.get(collection) ?? new Map<string, string>();
      record.docs.set(collection, docs);
      if (json === null) docs.delete(id);
      else docs.set(id, json);
    }
    record.checkpoint = { position: checkpoint.position, recordedAt: checkpoint.recordedAt };
    return { applied: true, checkpoint: { ...record.checkpoint } };
  }

  async checkpoint(projection: string, generation?: number): Promise<ReadModelCheckpoint> {
    const record = generation === undefined ? this.activeRecord(projection) : this.generation(projection, generation);
    return { ...(record?.checkpoint ?? NO_CHECKPOINT) };
  }

  async beginGeneration(projection: string, options: { version?: number } = {}): Promise<number> {
    this.ensureOpen();
    const generation = ++this.lastGeneration;
    this.generationsById.set(generation, {
      projection,
      generation,
      version: options.version ?? 1,
      status: 'building',
      checkpoint: NO_CHECKPOINT,
      docs: new Map(),
    });
    return generation;
  }

  async activate(projection: string, generation: number): Promise<void> {
    const target = this.generation(projection, generation);
    const current = this.activeRecord(projection);
    if (current && current !== target) current.status = 'retired';
    target.status = 'active';
  }

  async dropGeneration(projection: string, generation: number): Promise<void> {
    this.ensureOpen();
    const record = this.generationsById.get(generation);
    if (!record || record.projection !== projection) return;
    if (record.status === 'active') throw new GenerationActiveError(projection, generation);
    this.generationsById.delete(generation);
  }

  async activeGeneration(projection: string): Promise<GenerationInfo | undefined> {
    const record = this.activeRecord(projection);
    return record && info(record);
  }

  async generations(projection: string): Promise<GenerationInfo[]> {
    this.ensureOpen();
    return [...this.generationsById.values()].filter((g) => g.projection === projection).map(info);
  }

  async tryAcquireLease(projection: string, ownerId: string, ttlMs: number): Promise<boolean> {
    this.ensureOpen();
    checkLeaseRequest(ownerId, ttlMs);
    const now = this.clock();
    if (!canAcquire(this.leases.get(projection), ownerId, now)) return false;
    this.leases.set(projection, { projection, ownerId, expiresAt: now + ttlMs });
    return true;
  }

  async renewLease(projection: string, ownerId: string, ttlMs: number): Promise<boolean> {
    this.ensureOpen();
    checkLeaseRequest(ownerId, ttlMs);
    if (!canRenew(this.leases.get(projection), ownerId)) return false;
    this.leases.set(projection, { projection, ownerId, expiresAt: this.clock() + ttlMs });
    return true;
  }

  async releaseLease(projection: string, ownerId: string): Promise<void> {
    this.ensureOpen();
    if (canRenew(this.leases.get(projection), ownerId)) this.leases.delete(projection);
  }

  async leaseHolder(projection: string): Promise<LeaseInfo | undefined> {
    this.ensureOpen();
    const lease = this.leases.get(projection);
    return lease && { ...lease };
  }

  async recordDeadLetter(projection: string, input: DeadLetterInput): Promise<void> {
    this.ensureOpen();
    const letter = toDeadLetter(projection, input, this.clock());
    const letters = this.deadLetters.get(projection) ?? new Map<number, DeadLetter>();
    letters.set(letter.position, letter);
    this.deadLetters.set(projection, letters);
  }

  async listDeadLetters(projection: string): Promise<DeadLetter[]> {
    this.ensureOpen();
    return [...(this.deadLetters.get(projection)?.values() ?? [])].sort(byPosition).map((letter) => ({ ...letter }));
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private ensureOpen(): void {
    if (this.closed) throw new ReadModelStoreUnavailableError('The in-memory read model store is closed');
  }

  private generation(projection: string, generation: number): GenerationRecord {
    this.ensureOpen();
    const record = this.generationsById.get(generation);
    if (!record || record.projection !== projection) throw new GenerationNotFoundError(projection, generation);
    return record;
  }

  private activeRecord(projection: string): GenerationRecord | undefined {
    this.ensureOpen();
    for (const record of this.generationsById.values()) {
      if (record.projection === projection && record.status === 'active') return record;
    }
    return undefined;
  }

  private activeDocs(collection: string): Map<string, string> | undefined {
    this.ensureOpen();
    const owner = this.owners.get(collection);
    return owner === undefined ? undefined : this.activeRecord(owner)?.docs.get(collection);
  }

  /** A collection belongs to the first projection that writes it: readers find it through its owner. */
  private claim(collections: readonly string[], projection: string): void {
    for (const collection of collections) {
      const owner = this.owners.get(collection) ?? projection;
      if (owner !== projection) throw new CollectionOwnedError(collection, owner, projection);
    }
    for (const collection of collections) this.owners.set(collection, projection);
  }
}

function info({ projection, generation, version, status, checkpoint }: GenerationRecord): GenerationInfo {
  return { projection, generation, version, status, checkpoint: { ...checkpoint } };
}
