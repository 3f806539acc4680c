export interface ProjectorConfig {
  /** Where the embedded SQLite file lives (events and read models share it). */
  dataDir: string;
  /** A MongoDB replica-set URI; events and read models go there instead of SQLite. */
  mongodbUri?: string;
  batchSize: number;
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  leaseTtlMs: number;
  /** How often lag is logged; 0 turns the log off. */
  lagLogIntervalMs: number;
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
    pollIntervalMs: whole(env, 'PROJECTOR_POLL_MS', 50, 1),
    maxPollIntervalMs: whole(env, 'PROJECTOR_MAX_POLL_MS', 1000, 1),
    leaseTtlMs: whole(env, 'PROJECTOR_LEASE_TTL_MS', 10_000, 100),
    lagLogIntervalMs: whole(env, 'PROJECTOR_LAG_LOG_MS', 30_000, 0),
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new ProjectorConfigError(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return value;
}
