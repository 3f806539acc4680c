import type { EventStore } from '@bandpro/events';
import type { ReadModelStore } from '@bandpro/read-models';
import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { ProjectorConfig } from '../../config/projector.config';
import { CACHE_WRITER_LEASE, RedisCacheWriter } from '../../projections/redis-cache-writer';
import { EVENT_STORE, READ_MODEL_STORE } from '../../projector.tokens';
import { InterruptibleSleep } from '../../runtime/interruptible-sleep';

export const REDIS_CACHES = Symbol('REDIS_CACHES');

/**
 * Runs the cache writer for the life of the process: one projector at a time (the read-model
 * store's lease), polling like the projection runners, backing off while idle.
 */
export class RedisCacheService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RedisCaches');
  private readonly ownerId = `redis-caches-${randomUUID()}`;
  private stopped = false;
  private loop: Promise<void> = Promise.resolve();
  private readonly pause = new InterruptibleSleep();

  constructor(
    readonly writer: RedisCacheWriter,
    private readonly redis: Redis,
    private readonly store: ReadModelStore,
    private readonly config: ProjectorConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    let idleMs = this.config.pollIntervalMs;
    while (!this.stopped) {
      const written = await this.stepUnderLease().catch((error: unknown) => {
        this.logger.warn(`Cache writing failed, retrying: ${String(error)}`);
        return 0;
      });
      idleMs = written > 0 ? this.config.pollIntervalMs : Math.min(idleMs * 2, this.config.maxPollIntervalMs);
      if (written === 0) await this.pause.sleep(idleMs);
    }
  }

  private async stepUnderLease(): Promise<number> {
    if (!(await this.store.tryAcquireLease(CACHE_WRITER_LEASE, this.ownerId, this.config.leaseTtlMs))) return 0;
    return this.writer.step();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.pause.interrupt();
    await this.loop;
    await this.store.releaseLease(CACHE_WRITER_LEASE, this.ownerId).catch(() => undefined);
    await this.redis.quit().catch(() => undefined);
  }
}

/** The cache writer when REDIS_URL is set; without Redis the API keeps caches of its own. */
export function redisCacheProviders(config: ProjectorConfig): Provider[] {
  const { redisUrl } = config;
  if (!redisUrl) return [];
  return [{
    provide: REDIS_CACHES,
    inject: [EVENT_STORE, READ_MODEL_STORE],
    useFactory: (events: EventStore, readModels: ReadModelStore) => {
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
      const writer = new RedisCacheWriter({ events, readModels, redis, prefix: config.cachePrefix, batchSize: config.batchSize });
      return new RedisCacheService(writer, redis, readModels, config);
    },
  }];
}
