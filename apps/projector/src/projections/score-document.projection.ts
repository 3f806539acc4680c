import { evolve, initialScoreState, isActiveScore, SCORE_EVENT_TYPES } from '@bandpro/domain';
import { SCORE_DOCUMENT_COLLECTION, type ScoreDocumentView } from '@bandpro/read-models';
import type { Projection } from '../projection/projection';
import { asScoreEvent, scoreKeysOf } from './score-events';

/**
 * score-document: one document per score, the current state exactly as the domain's evolve builds
 * it. A discarded score (back to empty) has no document. Checkpoint: the read model store's,
 * under this name.
 */
export const scoreDocumentProjection: Projection<ScoreDocumentView> = {
  name: 'score-document',
  version: 1,
  collection: SCORE_DOCUMENT_COLLECTION,
  eventTypes: SCORE_EVENT_TYPES,
  keysOf: scoreKeysOf,
  evolve(doc, event) {
    const next = evolve(doc ?? initialScoreState(), asScoreEvent(event));
    return isActiveScore(next) ? next : null;
  },
};
