import { invertAll, isActiveScore } from '@bandpro/domain';
import { scoreEventsOf } from '../undo/plan-undo';
import { restoreBars } from './restore-bars';
import { restorePart } from './restore-part';
import { RestoreScopeNotFound } from './restore.errors';
import type { RestoreInput, RestorePlan } from './restore.types';

/**
 * The compensating events that bring the current state back to version N within a scope, to be appended as
 * one new change: history stays linear and nothing is lost. `score` inverts everything since N (exact by
 * construction); `part` and `bars` rebuild the scope from the target state and report what cannot go back.
 */
export function planRestore(input: RestoreInput): RestorePlan {
  const { current, target, eventsSince, scope } = input;
  if (scope.kind === 'score') return { events: invertAll(scoreEventsOf(eventsSince)), skipped: [] };
  const missing = scope.kind === 'part' ? [scope.partId] : [scope.fromMeasureId, scope.toMeasureId];
  if (!isActiveScore(current) || !isActiveScore(target)) throw new RestoreScopeNotFound({ scope: scope.kind, missing });
  return scope.kind === 'part'
    ? restorePart(current, target, scope.partId)
    : restoreBars(current, target, scope.fromMeasureId, scope.toMeasureId);
}
