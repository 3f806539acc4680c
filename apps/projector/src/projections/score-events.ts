import { SCORE_EVENT_TYPES, type ScoreEvent } from '@bandpro/domain';
import type { StoredEvent } from '@bandpro/events';
import { lifecycleScoreId } from './lifecycle-events';

/** What the score read models read: every score event, and the purge that drops them. */
export const SCORE_READ_MODEL_EVENT_TYPES: readonly string[] = [...SCORE_EVENT_TYPES, 'ScorePurged'];

/**
 * A score's events live in one stream, so its documents are keyed by that stream id (the API
 * names a score's stream after its scoreId; the documents carry scoreId as well). A purge comes
 * on the score's lifecycle stream and names the score in its data.
 */
export function scoreKeysOf(event: StoredEvent): string[] {
  return [event.type === 'ScorePurged' ? lifecycleScoreId(event) : event.streamId];
}

/** The runner only passes the types a projection lists, all of them score event types. */
export function asScoreEvent(event: StoredEvent): ScoreEvent {
  return { type: event.type, data: event.data } as ScoreEvent;
}
