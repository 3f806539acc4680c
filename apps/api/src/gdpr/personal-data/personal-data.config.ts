import { join } from 'node:path';
import type { ApiConfig } from '../../config/api.config';
import { ApiConfigError } from '../../config/api.config';

export interface PersonalDataConfig {
  /** Keys the HMAC that turns an email into a pseudonym (reservation stream names, invitation subjects). */
  pseudonymSecret: string;
  /** SQLite file of the per-person data keys (contract G9), used when no MongoDB URI is given. */
  keyStoreFile: string;
  mongodbUri?: string;
  /** MongoDB database of the keys: never the events' database, so a copy of the log carries no key. */
  mongoKeyDatabase: string;
}

/**
 * Outside production a missing PERSONAL_DATA_SECRET falls back to the JWT secret, then to a fixed development
 * value: a random one would change the pseudonyms on each restart and lose every email lookup.
 */
export function loadPersonalDataConfig(env: NodeJS.ProcessEnv, api: ApiConfig): PersonalDataConfig {
  const explicit = env['PERSONAL_DATA_SECRET'] || undefined;
  if (api.nodeEnv === 'production' && (explicit === undefined || explicit.length < 32)) {
    throw new ApiConfigError('PERSONAL_DATA_SECRET must be set (at least 32 characters) when NODE_ENV=production: it keys the email pseudonyms');
  }
  return {
    pseudonymSecret: explicit ?? api.jwtSecret ?? 'bandpro-development-only-personal-data-secret',
    keyStoreFile: join(api.dataDir, PERSONAL_DATA_KEYS_FILE),
    mongodbUri: api.mongodbUri,
    mongoKeyDatabase: env['PERSONAL_DATA_KEYS_DB'] || 'bandpro_personal_data_keys',
  };
}

export const PERSONAL_DATA_KEYS_FILE = 'personal-data-keys.sqlite';
