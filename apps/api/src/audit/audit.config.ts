import { normaliseEmail } from '@bandpro/domain';

export const AUDIT_CONFIG = Symbol('AUDIT_CONFIG');

export interface AuditConfig {
  /** Accounts with these emails hold the admin role (ADMIN_EMAILS, comma-separated, case-insensitive). */
  adminEmails: ReadonlySet<string>;
  /** Records older than this many days are purged (AUDIT_RETENTION_DAYS, default 400). */
  retentionDays: number;
  /** Records are written in batches of up to this many… */
  batchSize: number;
  /** …at most this long after the first of them arrived. */
  flushMs: number;
  /** A failed write is retried after this long, for as long as it fails. */
  retryMs: number;
  /** How often the retention purge runs (daily). */
  purgeEveryMs: number;
}

export class AuditConfigError extends Error {
  readonly code = 'AUDIT_CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'AuditConfigError';
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Read once at start-up: a bad value stops the process with the reason. */
export function loadAuditConfig(env: NodeJS.ProcessEnv): AuditConfig {
  return {
    adminEmails: new Set((env['ADMIN_EMAILS'] ?? '').split(',').map((email) => email.trim()).filter((email) => email !== '').map(normaliseEmail)),
    retentionDays: whole(env, 'AUDIT_RETENTION_DAYS', 400, 1, 36_500),
    batchSize: whole(env, 'AUDIT_BATCH_SIZE', 200, 1, 10_000),
    flushMs: whole(env, 'AUDIT_FLUSH_MS', 250, 1, 60_000),
    retryMs: 1_000,
    purgeEveryMs: DAY_MS,
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new AuditConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}
