import { DEFAULT_BUSY_POLL_MS } from '../runtime/runner-options';

export interface ProjectorConfig {
  /** Where the embedded SQLite file lives (events and read models share it). */
  dataDir: string;
  /** A MongoDB replica-set URI; events and read models go there instead of SQLite. */
  mongodbUri?: string;
  batchSize: number;
  pollIntervalMs: number;
  /** The pause between batches while events keep coming (see ProjectionRunnerOptions.busyPollMs). */
  busyPollMs: number;
  maxPollIntervalMs: number;
  leaseTtlMs: number;
  /** How often lag is logged; 0 turns the log off. */
  lagLogIntervalMs: number;
  /** Set: the export worker runs here, taking jobs the API queued in Redis. */
  redisUrl?: string;
  exports: ProjectorExportsConfig;
  trashPurge: TrashPurgeConfig;
  /** Where the projector writes the caches the API reads (REDIS_URL set): the API's CACHE_PREFIX. */
  cachePrefix: string;
}

/** Scores trashed longer than `retentionDays` are purged by a job every `everyMs`. */
export interface TrashPurgeConfig {
  everyMs: number;
  retentionDays: number;
  /** BullMQ's key prefix for the job's queue (REDIS_URL set). */
  queuePrefix: string;
}

/** Must match the API's: the same queue prefix, and the same storage the API serves downloads from. */
export interface ProjectorExportsConfig {
  queuePrefix: string;
  s3?: { bucket: string; endpoint?: string; region?: string };
}

export class ProjectorConfigError extends Error {
  readonly code = 'PROJECTOR_CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ProjectorConfigError';
  }
}

/** Reads the environment once at start-up; a bad value stops the process before it touches data. */
export function loadProjectorConfig(env: NodeJS.ProcessEnv): ProjectorConfig {
  return {
    dataDir: env['DATA_DIR'] || './data',
    mongodbUri: env['MONGODB_URI'] || undefined,
    batchSize: whole(env, 'PROJECTOR_BATCH_SIZE', 500, 1),
    pollIntervalMs: whole(env, 'PROJECTOR_POLL_MS', 10, 1),
    busyPollMs: whole(env, 'PROJECTOR_BUSY_POLL_MS', DEFAULT_BUSY_POLL_MS, 1),
    maxPollIntervalMs: whole(env, 'PROJECTOR_MAX_POLL_MS', 1000, 1),
    leaseTtlMs: whole(env, 'PROJECTOR_LEASE_TTL_MS', 10_000, 100),
    lagLogIntervalMs: whole(env, 'PROJECTOR_LAG_LOG_MS', 30_000, 0),
    redisUrl: redisUrl(env['REDIS_URL']),
    exports: exportsConfig(env),
    trashPurge: {
      everyMs: whole(env, 'TRASH_PURGE_EVERY_MS', 60 * 60 * 1000, 1000),
      retentionDays: whole(env, 'TRASH_RETENTION_DAYS', 30, 1),
      queuePrefix: env['TRASH_PURGE_QUEUE_PREFIX'] || env['EXPORT_QUEUE_PREFIX'] || 'bandpro',
    },
    cachePrefix: env['CACHE_PREFIX'] || 'bandpro:cache:',
  };
}

function redisUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^rediss?:\/\//.test(raw)) throw new ProjectorConfigError(`REDIS_URL must start with redis:// or rediss://, got "${raw}"`);
  return raw;
}

function exportsConfig(env: NodeJS.ProcessEnv): ProjectorExportsConfig {
  const bucket = env['EXPORT_S3_BUCKET'] || undefined;
  return {
    queuePrefix: env['EXPORT_QUEUE_PREFIX'] || 'bandpro',
    s3: bucket === undefined ? undefined : { bucket, endpoint: env['EXPORT_S3_ENDPOINT'] || undefined, region: env['EXPORT_S3_REGION'] || undefined },
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new ProjectorConfigError(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return value;
}
