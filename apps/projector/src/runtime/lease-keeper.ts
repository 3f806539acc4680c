import { LeaseLostError, type ReadModelStore } from '@bandpro/read-models';

export type LeaseState = 'acquired' | 'held' | 'unavailable';

/**
 * Holds one projection's lease for one runner: acquires it, renews it every third of its
 * time-to-live, and says so the moment it is gone. Commits are fenced by the store as well, so a
 * runner paused past its lease can never overwrite the instance that took over.
 */
export class LeaseKeeper {
  private held = false;
  private renewedAt = 0;

  constructor(
    private readonly store: ReadModelStore,
    readonly projection: string,
    readonly ownerId: string,
    private readonly ttlMs: number,
    private readonly clock: () => number,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  /** Acquires or renews as needed; `acquired` means the runner must re-read its state. */
  async ensure(): Promise<LeaseState> {
    if (this.held) {
      if (await this.renewIfDue()) return 'held';
      return 'unavailable';
    }
    if (!(await this.store.tryAcquireLease(this.projection, this.ownerId, this.ttlMs))) return 'unavailable';
    this.held = true;
    this.renewedAt = this.clock();
    return 'acquired';
  }

  /** Between batches: renew when due, throw LeaseLostError when someone else has it. */
  async keepAlive(): Promise<void> {
    if (!this.held || !(await this.renewIfDue())) throw new LeaseLostError(this.projection, this.ownerId);
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    await this.store.releaseLease(this.projection, this.ownerId);
  }

  private async renewIfDue(): Promise<boolean> {
    const now = this.clock();
    if (now - this.renewedAt < this.ttlMs / 3) return true;
    this.held = await this.store.renewLease(this.projection, this.ownerId, this.ttlMs);
    if (this.held) this.renewedAt = now;
    return this.held;
  }
}
