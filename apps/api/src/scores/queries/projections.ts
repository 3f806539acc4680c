/** Projector names of the read models the queries use (their checkpoints version the caches). */
export const SCORE_CATALOGUE_PROJECTION = 'score-catalogue';
export const SCORE_DOCUMENT_PROJECTION = 'score-document';
export const SCORE_LIBRARY_PROJECTION = 'score-library';
export const SCORE_ACCESS_PROJECTION = 'score-access';
export const SCORE_PROJECTIONS = [SCORE_DOCUMENT_PROJECTION, SCORE_CATALOGUE_PROJECTION, SCORE_ACCESS_PROJECTION, SCORE_LIBRARY_PROJECTION] as const;
