import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  /** When the window's count starts again from zero (ms since the epoch). */
  endsAt: number;
  /** Until when the key is refused; 0 when it is not. */
  blockedUntil: number;
}

/** Every this many hits, windows that ended (and blocks that expired) are dropped. */
const SWEEP_EVERY = 1_000;

/**
 * One process's rate limits without Redis: the same fixed-window counters as RedisThrottlerStorage, O(1) a hit.
 * @nestjs/throttler's built-in storage keeps one timestamp per hit and filters them all on every request, which
 * grows with the limit (a user at 600 requests a minute made each request walk 600 entries).
 */
export class MemoryThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private sinceSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    if (++this.sinceSweep >= SWEEP_EVERY) this.sweep(now);
    const id = `${throttlerName}:${key}`;
    let window = this.windows.get(id);
    if (window === undefined) {
      window = { hits: 0, endsAt: now + ttl, blockedUntil: 0 };
      this.windows.set(id, window);
    } else if (window.endsAt <= now) {
      window.hits = 0;
      window.endsAt = now + ttl;
    }
    window.hits += 1;
    if (window.blockedUntil <= now && window.hits > limit) window.blockedUntil = now + blockDuration;
    const isBlocked = window.blockedUntil > now;
    return {
      totalHits: window.hits,
      timeToExpire: Math.max(0, Math.ceil((window.endsAt - now) / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    };
  }

  /** Keys it holds (for tests and health checks). */
  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    this.sinceSweep = 0;
    for (const [id, window] of this.windows) if (window.endsAt <= now && window.blockedUntil <= now) this.windows.delete(id);
  }
}
