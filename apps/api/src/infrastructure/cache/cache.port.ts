/** A small key/value cache of JSON values; keys carry the version they describe, so entries never go stale, they expire. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
}

export { QUERY_RESULT_TTL_SECONDS, SCORE_METADATA_TTL_SECONDS } from '@bandpro/read-models';

/** Reads through the cache: a miss (or a cache error) computes and stores the value. */
export async function readThrough<T>(cache: Cache, key: string, ttlSeconds: number, compute: () => Promise<T>): Promise<T> {
  const cached = await cache.get<T>(key).catch(() => undefined);
  if (cached !== undefined) return cached;
  const value = await compute();
  if (value !== undefined) await cache.set(key, value, ttlSeconds).catch(() => undefined);
  return value;
}
