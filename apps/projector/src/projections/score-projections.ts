import type { AnyProjection } from '../projection/projection';
import { scoreCatalogueProjection } from './score-catalogue.projection';
import { scoreDocumentProjection } from './score-document.projection';

/** Every read model the projector keeps; adding one is a file and a line here. */
export const SCORE_PROJECTIONS: readonly AnyProjection[] = [scoreDocumentProjection, scoreCatalogueProjection];
