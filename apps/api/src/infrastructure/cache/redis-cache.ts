import type Redis from 'ioredis';
import type { Cache } from './cache.port';

/** JSON values under a prefix, with Redis expiring them. */
export class RedisCache implements Cache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'bandpro:cache:',
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const json = await this.redis.get(this.prefix + key);
    return json === null ? undefined : (JSON.parse(json) as T);
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + key, JSON.stringify(value), 'EX', ttlSeconds);
  }
}
