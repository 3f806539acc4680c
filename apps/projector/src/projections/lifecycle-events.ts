import type { StoredEvent } from '@bandpro/events';

/**
 * Trash, restore and purge: the API appends the first two and the projector's purge job the
 * third, to `score-lifecycle-<scoreId>` (the API's score-lifecycle.ts names the same stream and
 * types; the domain has no lifecycle aggregate to share them from).
 */
export const SCORE_LIFECYCLE_EVENT_TYPES = ['ScoreTrashed', 'ScoreRestored', 'ScorePurged'] as const;
export type ScoreLifecycleEventType = (typeof SCORE_LIFECYCLE_EVENT_TYPES)[number];

export const lifecycleStreamId = (scoreId: string): string => `score-lifecycle-${scoreId}`;

export const isLifecycleEvent = (event: StoredEvent): boolean => (SCORE_LIFECYCLE_EVENT_TYPES as readonly string[]).includes(event.type);

/** The score a lifecycle event is about: its data names it. */
export function lifecycleScoreId(event: StoredEvent): string {
  const { scoreId } = event.data as { scoreId?: unknown };
  if (typeof scoreId !== 'string' || scoreId === '') throw new Error(`${event.type} at position ${event.position} names no scoreId`);
  return scoreId;
}
