import Redis from 'ioredis';

export const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';

/**
 * True when Redis answers. Without it the Redis tests skip locally, but with CI=true a missing
 * Redis is a failure: CI is where we promise the Redis path was exercised.
 */
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
