import { ApiError } from '../../common/errors/api-error';
import type { ScoreDecision } from './erase-me.dto';

const MAX_ID = 100;

/** The body's decisions, each checked for shape; 400 ERASE_DECISION_INVALID names the first bad one. */
export function parseDecisions(raw: Record<string, unknown>): Map<string, ScoreDecision> {
  const decisions = new Map<string, ScoreDecision>();
  for (const [scoreId, value] of Object.entries(raw)) decisions.set(scoreId, parseDecision(scoreId, value));
  return decisions;
}

function parseDecision(scoreId: string, value: unknown): ScoreDecision {
  const decision = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const keys = Object.keys(decision).sort().join(',');
  if (decision['action'] === 'delete' && keys === 'action') return { action: 'delete' };
  const to = decision['to'];
  if (decision['action'] === 'transfer' && keys === 'action,to' && typeof to === 'string' && to.length > 0 && to.length <= MAX_ID) return { action: 'transfer', to };
  throw new ApiError(400, 'ERASE_DECISION_INVALID', `The decision for score ${scoreId} must be { action: 'transfer', to: userId } or { action: 'delete' }`, { scoreId });
}

/** Every score I own needs a decision before anything changes. */
export function requireDecided(owned: readonly string[], decisions: ReadonlyMap<string, ScoreDecision>): void {
  const missing = owned.filter((scoreId) => !decisions.has(scoreId));
  if (missing.length > 0) {
    throw new ApiError(400, 'ERASE_SCORES_UNDECIDED', `Say for each score you own whether to transfer or delete it: ${missing.length} undecided`, { missing });
  }
}
