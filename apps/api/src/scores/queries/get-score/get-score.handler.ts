import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, writtenScore, type WrittenKeyChange } from '@bandpro/domain';
import type { EventStore } from '@bandpro/events';
import {
  SCORE_CATALOGUE_COLLECTION, SCORE_DOCUMENT_COLLECTION, type ReadModelStore, type ScoreCatalogueEntry, type ScoreDocumentView,
} from '@bandpro/read-models';
import type { ScoreLoader } from '../../../infrastructure/score-loader';
import { EVENT_STORE, READ_MODEL_STORE, SCORE_LOADER } from '../../../infrastructure/tokens';
import { SCORE_READ_CACHES, type ScoreReadCaches } from '../score-read-caches';
import { loadLifecycle, scoreNotFound as notFound } from '../../lifecycle/score-lifecycle';
import { GetScore, GetScoreInfo } from './get-score.query';

export interface ScoreView {
  scoreId: string;
  /** Present for time travel; the latest document is what the projector built. */
  version?: number;
  trashed: boolean;
  concertPitch: boolean;
  document: ScoreDocumentView;
  /** With ?concertPitch=false: each part's written key signatures (first measure and every change). */
  writtenKeys?: Record<string, WrittenKeyChange[]>;
}

/** The concert document as it is, or in written pitch: a view computed on read, never stored. */
function asRequested(view: Omit<ScoreView, 'concertPitch'>, concertPitch: boolean): ScoreView {
  if (concertPitch) return { ...view, concertPitch };
  const { document, keys } = writtenScore(view.document);
  return { ...view, concertPitch, document, writtenKeys: keys };
}

/** The latest document comes from the read model; an older version is rebuilt from events (time travel). */
@QueryHandler(GetScore)
export class GetScoreHandler implements IQueryHandler<GetScore, ScoreView> {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SCORE_LOADER) private readonly loader: ScoreLoader,
  ) {}

  async execute({ scoreId, version, concertPitch }: GetScore): Promise<ScoreView> {
    const { state } = await loadLifecycle(this.store, scoreId);
    if (state === 'purged') throw notFound(scoreId);
    const trashed = state === 'trashed';
    if (version === undefined) {
      const document = await this.readModels.get<ScoreDocumentView>(SCORE_DOCUMENT_COLLECTION, scoreId);
      if (!document) throw notFound(scoreId);
      return asRequested({ scoreId, trashed, document }, concertPitch);
    }
    if (version < 1 || version > (await this.store.streamVersion(scoreId))) {
      throw new NotFoundError('SCORE_VERSION_NOT_FOUND', 'The score has no such version', { scoreId, version });
    }
    const loaded = await this.loader.load(scoreId, { version });
    if (loaded.state.status !== 'active') throw notFound(scoreId);
    return asRequested({ scoreId, version: loaded.version, trashed, document: loaded.state }, concertPitch);
  }
}

/** The catalogue entry of one score, through the score metadata cache. */
@QueryHandler(GetScoreInfo)
export class GetScoreInfoHandler implements IQueryHandler<GetScoreInfo, ScoreCatalogueEntry> {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(SCORE_READ_CACHES) private readonly caches: ScoreReadCaches,
  ) {}

  async execute({ scoreId }: GetScoreInfo): Promise<ScoreCatalogueEntry> {
    const entry = await this.caches.scoreInfo(scoreId, () => this.readModels.get<ScoreCatalogueEntry>(SCORE_CATALOGUE_COLLECTION, scoreId));
    if (!entry) throw notFound(scoreId);
    return entry;
  }
}
