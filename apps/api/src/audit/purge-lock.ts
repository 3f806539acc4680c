import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';

/**
 * "Only one API process purges per period": a Redis key set with NX that lives for the period and is not
 * released, so a process that starts an hour later does not purge again. Without Redis, every process
 * purges on its own (one process is the embedded default).
 */
export class PurgeLock {
  constructor(
    private readonly redis: Redis | null,
    private readonly key: string,
  ) {}

  async tryAcquire(holdMs: number): Promise<boolean> {
    if (this.redis === null) return true;
    return (await this.redis.set(this.key, randomUUID(), 'PX', holdMs, 'NX')) === 'OK';
  }
}
