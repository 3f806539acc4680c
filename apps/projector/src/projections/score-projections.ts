import type { AnyProjection } from '../projection/projection';
import { scoreAccessProjection } from './score-access.projection';
import { scoreCatalogueProjection } from './score-catalogue.projection';
import { scoreDocumentProjection } from './score-document.projection';
import { scoreLibraryProjection } from './score-library.projection';

/** Every read model the projector keeps; adding one is a file and a line here. */
export const SCORE_PROJECTIONS: readonly AnyProjection[] = [scoreDocumentProjection, scoreCatalogueProjection, scoreAccessProjection, scoreLibraryProjection];
