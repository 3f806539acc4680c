/** Everything the API reads from its environment, checked once at start-up. */
export interface ApiConfig {
  nodeEnv: string;
  port: number;
  dataDir: string;
  mongodbUri?: string;
  redisUrl?: string;
  /** Keys of the caches the projector writes and the API reads (REDIS_URL set); the projector's CACHE_PREFIX. */
  cachePrefix: string;
  jwtSecret?: string;
  /** Origins allowed by CORS; empty means same-origin only. */
  corsOrigins: string[];
  /** Largest request body accepted, in bytes (BODY_LIMIT: `512kb`, `1mb`, or a number of bytes). */
  bodyLimit: number;
  /** Serve the Swagger UI page at /api/docs (API_DOCS_UI, default true); the JSON document is always served. */
  docsUi: boolean;
  /**
   * Write SQLite appends on a worker thread (SQLITE_WRITER_THREAD, default false): commits and their fsyncs then never
   * block the event loop, at ~20% more CPU per command (bench api, 2 cores: no latency gain there, see the API README).
   */
  sqliteWriterThread: boolean;
  /** Requests per minute per user (or per IP when anonymous). */
  rateLimitPerMinute: number;
  snapshotEvery: number;
  exports: ExportsConfig;
}

/** Export jobs: where files go, how long download links live, the queue's Redis prefix. */
export interface ExportsConfig {
  /** HMAC secret of local download links; undefined means the JWT secret (or a per-process random one). */
  urlSecret?: string;
  urlTtlSeconds: number;
  queuePrefix: string;
  /** The wait before the second try of a failed export; it doubles before the third. */
  retryBackoffMs: number;
  /** Set: exports go to this S3-compatible bucket instead of `${DATA_DIR}/exports`. */
  s3?: { bucket: string; endpoint?: string; region?: string };
}

export class ApiConfigError extends Error {
  readonly code = 'API_CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ApiConfigError';
  }
}

/** A bad value stops the process before it touches data, with a message that says which and why. */
export function loadApiConfig(env: NodeJS.ProcessEnv): ApiConfig {
  const nodeEnv = env['NODE_ENV'] || 'development';
  const jwtSecret = env['JWT_SECRET'] || undefined;
  if (nodeEnv === 'production' && (!jwtSecret || jwtSecret.length < 32)) {
    throw new ApiConfigError('JWT_SECRET must be set (at least 32 characters) when NODE_ENV=production: tokens signed with a default secret could be forged');
  }
  return {
    nodeEnv,
    port: whole(env, 'PORT', 3000, 0, 65535),
    dataDir: env['DATA_DIR'] || './data',
    mongodbUri: env['MONGODB_URI'] || undefined,
    redisUrl: redisUrl(env['REDIS_URL']),
    cachePrefix: env['CACHE_PREFIX'] || 'bandpro:cache:',
    jwtSecret,
    corsOrigins: (env['CORS_ORIGIN'] ?? '').split(',').map((o) => o.trim()).filter((o) => o !== ''),
    bodyLimit: byteSize(env, 'BODY_LIMIT', 1024 * 1024),
    docsUi: flag(env, 'API_DOCS_UI', true),
    sqliteWriterThread: flag(env, 'SQLITE_WRITER_THREAD', false),
    rateLimitPerMinute: whole(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    snapshotEvery: whole(env, 'SNAPSHOT_EVERY', 500, 1, 1_000_000),
    exports: loadExportsConfig(env, jwtSecret),
  };
}

function loadExportsConfig(env: NodeJS.ProcessEnv, jwtSecret: string | undefined): ExportsConfig {
  const urlSecret = env['EXPORT_URL_SECRET'] || jwtSecret;
  if (urlSecret !== undefined && urlSecret.length < 16) throw new ApiConfigError('EXPORT_URL_SECRET (or JWT_SECRET) must be at least 16 characters to sign download links');
  const bucket = env['EXPORT_S3_BUCKET'] || undefined;
  return {
    urlSecret,
    urlTtlSeconds: whole(env, 'EXPORT_URL_TTL_SECONDS', 900, 1, 7 * 24 * 3600),
    queuePrefix: env['EXPORT_QUEUE_PREFIX'] || 'bandpro',
    retryBackoffMs: whole(env, 'EXPORT_RETRY_BACKOFF_MS', 2_000, 0, 3_600_000),
    s3: bucket === undefined ? undefined : { bucket, endpoint: env['EXPORT_S3_ENDPOINT'] || undefined, region: env['EXPORT_S3_REGION'] || undefined },
  };
}

function redisUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^rediss?:\/\//.test(raw)) throw new ApiConfigError(`REDIS_URL must start with redis:// or rediss://, got "${raw}"`);
  return raw;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ApiConfigError(`${name} must be true or false, got "${raw}"`);
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };

function byteSize(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw.trim());
  const value = match ? Number(match[1]) * BYTE_UNITS[(match[2] ?? '').toLowerCase()] : NaN;
  if (!Number.isSafeInteger(value) || value < 1024 || value > 100 * 1024 * 1024) {
    throw new ApiConfigError(`${name} must be a size from 1kb to 100mb (e.g. 512kb, 1mb), got "${raw}"`);
  }
  return value;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ApiConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
