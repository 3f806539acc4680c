/** Projector names of the read models the queries use (their checkpoints version the caches). */
export const SCORE_CATALOGUE_PROJECTION = 'score-catalogue';
export const SCORE_DOCUMENT_PROJECTION = 'score-document';
export const SCORE_PROJECTIONS = [SCORE_DOCUMENT_PROJECTION, SCORE_CATALOGUE_PROJECTION] as const;
