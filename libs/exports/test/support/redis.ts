import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';

export const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';

/** True when Redis answers; with CI=true a missing Redis fails instead (CI promises the Redis path ran). */
export async function redisAvailable(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch (error) {
    if (process.env['CI'] === 'true') throw new Error(`Redis is required with CI=true (${REDIS_URL}): ${String(error)}`);
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A queue prefix no other test uses. */
export function uniquePrefix(): string {
  return `bandpro-test-exports-${randomUUID()}`;
}

/** Deletes every key under a test's prefix. */
export async function removePrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
