import { evolve, evolveAll, initialScoreState, isActiveScore, type ScoreEvent } from '@bandpro/domain';
import type { StoredEvent } from '@bandpro/events';
import { SCORE_DOCUMENT_COLLECTION, type ScoreDocumentView } from '@bandpro/read-models';
import type { Projection } from '../projection/projection';
import { asScoreEvent, SCORE_READ_MODEL_EVENT_TYPES, scoreKeysOf } from './score-events';

/**
 * score-document: one document per score, the current state exactly as the domain's evolve builds
 * it. A discarded score (back to empty) or a purged one has no document. Checkpoint: the read model store's,
 * under this name.
 */
export const scoreDocumentProjection: Projection<ScoreDocumentView> = {
  name: 'score-document',
  version: 1,
  collection: SCORE_DOCUMENT_COLLECTION,
  eventTypes: SCORE_READ_MODEL_EVENT_TYPES,
  keysOf: scoreKeysOf,
  evolve(doc, event) {
    if (event.type === 'ScorePurged') return null;
    const next = evolve(doc ?? initialScoreState(), asScoreEvent(event));
    return isActiveScore(next) ? next : null;
  },
  /** Runs of edits to a live score go through the domain's batch fold, which copies each path once per run, not once per event. */
  evolveRun(doc, events, id) {
    let current: ScoreDocumentView | null = doc ?? null;
    let run: ScoreEvent[] = [];
    const fold = () => {
      if (current && run.length > 0) current = activeOrNull(evolveAll(current, run));
      run = [];
    };
    for (const event of events) {
      if (current && !endsScore(event)) {
        run.push(asScoreEvent(event));
        continue;
      }
      fold();
      current = scoreDocumentProjection.evolve(current ?? undefined, event, id);
    }
    fold();
    return current;
  },
};

const activeOrNull = (state: ReturnType<typeof evolve>): ScoreDocumentView | null => (isActiveScore(state) ? state : null);

/** A discard or purge leaves no document: the next event starts from the empty state, as evolve does. */
const endsScore = (event: StoredEvent): boolean => event.type === 'ScorePurged' || event.type === 'ScoreDiscarded';
