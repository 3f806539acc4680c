import type { ScoreEvent } from '@bandpro/domain';
import type { StoredEvent } from '@bandpro/events';

/**
 * A score's events live in one stream, so its documents are keyed by that stream id (the API
 * names a score's stream after its scoreId; the documents carry scoreId as well).
 */
export function scoreKeysOf(event: StoredEvent): string[] {
  return [event.streamId];
}

/** The runner only passes the types a projection lists, all of them score event types. */
export function asScoreEvent(event: StoredEvent): ScoreEvent {
  return { type: event.type, data: event.data } as ScoreEvent;
}
