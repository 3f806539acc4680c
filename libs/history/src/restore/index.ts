export { planRestore } from './plan-restore';
export { RestoreScopeNotFound, type RestoreScopeNotFoundDetails } from './restore.errors';
export type { RestoreScope, RestoreInput, RestorePlan, RestoreSkip, SkipReason } from './restore.types';
