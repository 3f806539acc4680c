import Redis from 'ioredis';

export interface BullMqOptions {
  redisUrl: string;
  /** Key prefix of the queue in Redis: the API and the worker must share it (tests use their own). */
  prefix: string;
}

/** BullMQ blocks on its connections, so each queue or worker gets its own, with no per-command retry cap. */
export function bullConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null });
}
