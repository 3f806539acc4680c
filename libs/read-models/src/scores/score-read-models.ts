import type { ActiveScoreState } from '@bandpro/domain';

/**
 * The score read models the projector writes and the API reads: their collection names and
 * document shapes, in one place both sides import. Documents are keyed by the score's stream id,
 * which is its scoreId.
 */
export const SCORE_DOCUMENT_COLLECTION = 'score-document';
export const SCORE_CATALOGUE_COLLECTION = 'score-catalogue';

/** The whole current score, exactly as the domain's evolve builds it. */
export type ScoreDocumentView = ActiveScoreState;

export interface CataloguePart {
  id: string;
  name: string;
  instrumentId: string;
}

/** One row of the score list: small enough to list every score without loading one. */
export interface ScoreCatalogueEntry {
  scoreId: string;
  title: string;
  composer: string;
  ownerId: string;
  parts: CataloguePart[];
  barCount: number;
  /** recordedAt of the score's last event. */
  updatedAt: string;
}
