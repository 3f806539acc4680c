import type { QueryBus } from '@nestjs/cqrs';
import type { ActiveScoreState } from '@bandpro/domain';
import { GetScore } from '../scores/queries/get-score/get-score.query';
import type { ScoreView } from '../scores/queries/get-score/get-score.handler';

export interface AnalysedScore {
  state: ActiveScoreState;
  /** Present when the analysis read an older version (`?version=N`). */
  version?: number;
}

/**
 * The score an analysis reads: the projector's latest document, or the state at `version` rebuilt from
 * events. It goes through GetScore so analyses answer 404 exactly when reading the score would.
 */
export async function analysedScore(queryBus: QueryBus, scoreId: string, version: number | undefined): Promise<AnalysedScore> {
  const view = await queryBus.execute<GetScore, ScoreView>(new GetScore(scoreId, version));
  return { state: view.document, ...(view.version === undefined ? {} : { version: view.version }) };
}

/** `{ version }` for a time-travel read, nothing for the latest document (which carries no version). */
export const versionField = (score: AnalysedScore): { version?: number } => (score.version === undefined ? {} : { version: score.version });
