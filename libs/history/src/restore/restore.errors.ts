import { defineError, NotFoundError } from '@bandpro/domain';

export interface RestoreScopeNotFoundDetails {
  scope: 'part' | 'bars';
  /** The ids the version to restore does not have. */
  missing: string[];
  [key: string]: unknown;
}

export const RestoreScopeNotFound = defineError(
  'RestoreScopeNotFound',
  NotFoundError,
  'RESTORE_SCOPE_NOT_FOUND',
  (d: RestoreScopeNotFoundDetails) => `The version to restore has no ${d.scope === 'part' ? 'part' : 'measure'} ${d.missing.join(', ')}`,
);
