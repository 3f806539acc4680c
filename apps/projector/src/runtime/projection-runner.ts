import { LeaseLostError, type ReadModelDoc } from '@bandpro/read-models';
import { LeaseUnavailableError, RebuildFailedError } from './errors';
import { InterruptibleSleep } from './interruptible-sleep';
import { measureLag, type ProjectionLag } from './lag';
import { ProjectionWorker, type GenerationSwap } from './projection-worker';
import { nextIdleMs, onPollGrid, resolveRunnerOptions, type ProjectionRunnerOptions, type ResolvedRunnerOptions } from './runner-options';

/** standby: another instance holds the lease; failed: a rebuild failed and needs a fix. */
export type RunnerState = 'stopped' | 'standby' | 'running' | 'failed';

/** behind: a full page, more may wait; busy: events applied up to the head; idle: none came. */
type TickOutcome = 'behind' | 'busy' | 'idle' | 'standby';

/**
 * Keeps one projection up to date: holds its lease (one instance per projection), tails the
 * event feed in batches, polls often while events come and less and less once they stop (or
 * while batches fail), and swaps in rebuilt generations. Every piece of work runs one at a time, so a rebuild asked for while live
 * processing runs waits for the current batch, never interleaves with it.
 */
export class ProjectionRunner<Doc extends ReadModelDoc = ReadModelDoc> {
  private readonly options: ResolvedRunnerOptions<Doc>;
  private readonly worker: ProjectionWorker<Doc>;
  private readonly sleeper = new InterruptibleSleep();
  private queue: Promise<unknown> = Promise.resolve();
  private loop?: Promise<void>;
  private stopping = false;
  private currentState: RunnerState = 'stopped';

  constructor(options: ProjectionRunnerOptions<Doc>) {
    this.options = resolveRunnerOptions(options);
    this.worker = new ProjectionWorker(this.options);
  }

  get name(): string {
    return this.options.projection.name;
  }

  get ownerId(): string {
    return this.options.ownerId;
  }

  get state(): RunnerState {
    return this.currentState;
  }

  /** Runs in the background until stop(); errors are logged and retried, a failed rebuild stops it. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.currentState = 'standby';
    this.loop = this.run();
  }

  /** Waits for the batch in progress, then gives the lease back so a standby instance takes over at once. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.interrupt();
    await this.loop;
    this.loop = undefined;
    await this.exclusive(() => this.worker.lease.release());
    if (this.currentState !== 'failed') this.currentState = 'stopped';
  }

  /** Processes every event up to the head now; for tools, demos and tests. Needs the lease. */
  catchUp(): Promise<number> {
    return this.exclusive(async () => {
      await this.requireLease();
      const before = this.worker.processed;
      while ((await this.worker.step()) > 0);
      return this.worker.processed - before;
    });
  }

  /** Builds a new generation from position 0 and swaps it in; readers see the old one until then. */
  rebuild(): Promise<GenerationSwap> {
    return this.exclusive(async () => {
      await this.requireLease();
      return this.worker.rebuild();
    });
  }

  lag(): Promise<ProjectionLag> {
    return measureLag(this.name, this.options.events, this.options.store, this.options.clock());
  }

  private async run(): Promise<void> {
    const { pollIntervalMs, busyPollMs, leaseTtlMs, clock } = this.options;
    let idleMs = 0;
    let busyAt = -Infinity;
    while (!this.stopping) {
      const outcome = await this.exclusive(() => this.tick()).catch((error: unknown) => this.recover(error));
      if (outcome === 'busy' || outcome === 'behind') busyAt = clock();
      // At the head, the next events are read on the busy grid with the other runners' (one read for all), and
      // what came meanwhile is applied as one batch.
      if (outcome === 'busy') await this.sleeper.sleep(onPollGrid(busyPollMs));
      if (outcome === 'failed') return;
      if (outcome === 'idle' || outcome === 'retry') {
        // A failing batch backs off however recent the last event: retrying every poll would only flood the log.
        idleMs = nextIdleMs(idleMs, outcome === 'retry' ? Number.POSITIVE_INFINITY : clock() - busyAt, this.options);
        await this.sleeper.sleep(onPollGrid(idleMs));
      }
      if (outcome === 'standby') await this.sleeper.sleep(Math.max(pollIntervalMs, leaseTtlMs / 3));
    }
  }

  private async tick(): Promise<TickOutcome> {
    if (this.stopping) return 'idle';
    if ((await this.worker.ensureLease()) === 'unavailable') {
      this.currentState = 'standby';
      return 'standby';
    }
    this.currentState = 'running';
    const events = await this.worker.step();
    if (events === 0) return 'idle';
    return events < this.options.batchSize ? 'busy' : 'behind';
  }

  private recover(error: unknown): 'failed' | 'retry' {
    this.worker.forget();
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RebuildFailedError) {
      this.currentState = 'failed';
      this.options.logger.error(`${this.name}: stopped: ${message}`);
      return 'failed';
    }
    if (error instanceof LeaseLostError) this.options.logger.warn(`${this.name}: lease lost, standing by`);
    else this.options.logger.error(`${this.name}: batch failed, will retry: ${message}`);
    return 'retry';
  }

  private async requireLease(): Promise<void> {
    if ((await this.worker.ensureLease()) !== 'unavailable') return;
    const holder = await this.options.store.leaseHolder(this.name);
    throw new LeaseUnavailableError(this.name, holder?.ownerId);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
