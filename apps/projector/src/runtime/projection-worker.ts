import type { DeadLetterInput, ReadModelCheckpoint, ReadModelDoc } from '@bandpro/read-models';
import { applyBatch, type ApplyMode } from './apply-batch';
import { DocCache } from './doc-cache';
import { RebuildFailedError } from './errors';
import { LeaseKeeper, type LeaseState } from './lease-keeper';
import type { ResolvedRunnerOptions } from './runner-options';
import { openCursor, type FeedCursor } from './shared-feed';

/** The generation this instance writes into, how far it got, and its parsed documents. */
interface Target<Doc> {
  generation: number;
  /** The last event applied in memory: the next page starts after it. */
  applied: ReadModelCheckpoint;
  /** The last event whose documents are committed. */
  checkpoint: ReadModelCheckpoint;
  cache: DocCache<Doc>;
  /** Documents changed since the last commit (a rebuild lets them pile up: see rebuildCommitEvery). */
  pending: Map<string, Doc | null>;
  pendingEvents: number;
}

export interface GenerationSwap {
  /** The generation readers saw before; undefined on a first build. */
  previous?: number;
  generation: number;
  checkpoint: ReadModelCheckpoint;
}

/**
 * The work a lease holder does for one projection: tail the feed into the active generation,
 * or build a new generation from position 0 and swap it in. Callers serialise calls.
 */
export class ProjectionWorker<Doc extends ReadModelDoc> {
  readonly lease: LeaseKeeper;
  /** Events read and applied by this worker, rebuilds included. */
  processed = 0;
  private target?: Target<Doc>;
  private readonly liveFeed: FeedCursor['read'] = (afterPosition, limit) => this.options.events.readAll({ afterPosition, limit });

  constructor(private readonly options: ResolvedRunnerOptions<Doc>) {
    const { store, projection, ownerId, leaseTtlMs, clock } = options;
    this.lease = new LeaseKeeper(store, projection.name, ownerId, leaseTtlMs, clock);
  }

  /** After (re)acquiring the lease another instance may have moved on: forget what we knew. */
  async ensureLease(): Promise<LeaseState> {
    const state = await this.lease.ensure();
    if (state !== 'held') this.forget();
    return state;
  }

  forget(): void {
    this.target = undefined;
  }

  /** One live batch; builds the first generation (or one for a new version) before that. */
  async step(): Promise<number> {
    const target = this.target ?? (await this.openTarget());
    return this.processBatch(target, 'live', this.liveFeed);
  }


  /** Builds a new generation from position 0, swaps it in, drops the old ones. */
  async rebuild(): Promise<GenerationSwap> {
    const { store, projection } = this.options;
    for (const stale of await store.generations(projection.name)) {
      if (stale.status === 'building') await store.dropGeneration(projection.name, stale.generation);
    }
    const previous = (await store.activeGeneration(projection.name))?.generation;
    const target = await this.build();
    await this.lease.keepAlive();
    await store.activate(projection.name, target.generation);
    this.target = target;
    for (const old of await store.generations(projection.name)) {
      if (old.status === 'retired') await store.dropGeneration(projection.name, old.generation);
    }
    this.options.logger.log(`${projection.name}: generation ${target.generation} active at position ${target.checkpoint.position}`);
    return { previous, generation: target.generation, checkpoint: target.checkpoint };
  }

  private async openTarget(): Promise<Target<Doc>> {
    const { store, projection } = this.options;
    const active = await store.activeGeneration(projection.name);
    if (active?.version === projection.version) {
      this.target = this.newTarget(active.generation, active.checkpoint);
      return this.target;
    }
    await this.rebuild();
    return this.target as Target<Doc>;
  }

  private newTarget(generation: number, checkpoint: ReadModelCheckpoint): Target<Doc> {
    const cache = new DocCache<Doc>(this.options.cacheSize);
    return { generation, applied: checkpoint, checkpoint, cache, pending: new Map(), pendingEvents: 0 };
  }

  private async build(): Promise<Target<Doc>> {
    const { store, projection } = this.options;
    const generation = await store.beginGeneration(projection.name, { version: projection.version });
    const target = this.newTarget(generation, { position: 0, recordedAt: null });
    this.options.logger.log(`${projection.name}: building generation ${generation} (version ${projection.version})`);
    const cursor = openCursor(this.options.events);
    try {
      while ((await this.processBatch(target, 'rebuild', cursor.read)) > 0);
    } catch (error) {
      await store.dropGeneration(projection.name, generation).catch(() => undefined);
      throw error;
    } finally {
      cursor.close();
    }
    return target;
  }

  /** Applies one page after what the target applied; commits it (live) or when enough is pending (rebuild). */
  private async processBatch(target: Target<Doc>, mode: ApplyMode, read: FeedCursor['read']): Promise<number> {
    const { store, projection } = this.options;
    await this.lease.keepAlive();
    const limit = mode === 'live' ? this.options.batchSize : this.options.rebuildBatchSize;
    const page = await read(target.applied.position, limit);
    if (page.length === 0) {
      await this.commit(target);
      return 0;
    }
    const load = (ids: readonly string[]) => store.loadDocs<Doc>(projection.name, target.generation, projection.collection, ids);
    const outcome = await applyBatch({ projection, events: page, pending: target.pending, cache: target.cache, load, mode });
    await this.recordDeadLetters(outcome.deadLetters, mode);
    for (const change of outcome.changes) target.pending.set(change.id, change.doc);
    target.cache.absorb(outcome.docs);
    target.applied = outcome.checkpoint;
    target.pendingEvents += page.length;
    if (mode === 'live' || this.rebuildCommitDue(target)) await this.commit(target);
    this.processed += page.length;
    const report = { projection: projection.name, mode, generation: target.generation, events: page.length, applied: outcome.applied };
    await this.options.onBatch?.({ ...report, deadLetters: outcome.deadLetters.length, checkpoint: target.applied });
    return page.length;
  }

  private rebuildCommitDue(target: Target<Doc>): boolean {
    return target.pendingEvents >= this.options.rebuildCommitEvery || target.pending.size >= this.options.cacheSize;
  }

  private async recordDeadLetters(letters: readonly DeadLetterInput[], mode: ApplyMode): Promise<void> {
    const { store, projection, logger } = this.options;
    for (const letter of letters) {
      await store.recordDeadLetter(projection.name, letter);
      logger.warn(`${projection.name}: dead-lettered ${letter.type} at position ${letter.position}: ${letter.error}`);
    }
    if (mode === 'rebuild' && letters.length > 0) throw new RebuildFailedError(projection.name, letters[0].position, letters[0].error);
  }

  /**
   * Writes the pending documents with the checkpoint in one commit. When it fails, or finds the
   * store already past it, what is in memory may be wrong: forget it and read again from the store.
   */
  private async commit(target: Target<Doc>): Promise<void> {
    if (target.applied.position === target.checkpoint.position) return;
    const { store, projection, ownerId } = this.options;
    const changes = [...target.pending].map(([id, doc]) => ({ collection: projection.collection, id, doc }));
    target.pending.clear();
    target.pendingEvents = 0;
    try {
      const result = await store.commit(projection.name, target.generation, changes, target.applied, { ownerId, immutableDocs: true });
      if (!result.applied) target.cache.clear();
      target.applied = target.checkpoint = result.checkpoint;
    } catch (error) {
      target.cache.clear();
      target.applied = target.checkpoint;
      throw error;
    }
  }
}
