import { evolve, initialScoreState, isActiveScore } from '@bandpro/domain';
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
};
