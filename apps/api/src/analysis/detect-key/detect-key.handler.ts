import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { keyName, passageKey, type KeyEstimate, type KeySignature } from '@bandpro/domain';
import { analysedScore, versionField } from '../analysed-score';
import { DetectKey } from './detect-key.query';

export interface KeyView {
  key: KeySignature;
  name: string;
  /** Pearson's r of the passage against the key's profile, -1..1. */
  score: number;
}

export interface DetectedKeyView extends KeyView {
  scoreId: string;
  version?: number;
  /** The next best keys: a close second (the relative minor, say) is worth showing. */
  alternatives: KeyView[];
}

const ALTERNATIVES_SHOWN = 3;
const view = (estimate: KeyEstimate): KeyView => ({ key: estimate.key, name: keyName(estimate.key), score: estimate.correlation });

@QueryHandler(DetectKey)
export class DetectKeyHandler implements IQueryHandler<DetectKey, DetectedKeyView> {
  constructor(private readonly queryBus: QueryBus) {}

  async execute({ scoreId, range, version }: DetectKey): Promise<DetectedKeyView> {
    const score = await analysedScore(this.queryBus, scoreId, version);
    const detected = passageKey(score.state, range);
    return { scoreId, ...versionField(score), ...view(detected), alternatives: detected.alternatives.slice(0, ALTERNATIVES_SHOWN).map(view) };
  }
}
