import { randomBytes } from 'node:crypto';

export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

export interface IdentityConfig {
  jwtSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

const MINUTES_15 = 15 * 60;
const DAYS_7 = 7 * 24 * 60 * 60;

/**
 * Production refuses to start without JWT_SECRET (api.config). Elsewhere a missing secret becomes a random one
 * per process rather than a default anyone could read here and forge tokens with.
 */
export function loadIdentityConfig(env: NodeJS.ProcessEnv, jwtSecret: string | undefined): IdentityConfig {
  return {
    jwtSecret: jwtSecret ?? randomBytes(32).toString('base64url'),
    accessTtlSeconds: seconds(env['JWT_ACCESS_TTL_SECONDS'], MINUTES_15),
    refreshTtlSeconds: seconds(env['JWT_REFRESH_TTL_SECONDS'], DAYS_7),
  };
}

function seconds(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw && Number.isSafeInteger(value) && value > 0 ? value : fallback;
}
