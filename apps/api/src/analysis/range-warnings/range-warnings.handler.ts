import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { rangeWarnings, type RangeWarning } from '@bandpro/domain';
import { analysedScore, versionField } from '../analysed-score';
import { GetRangeWarnings } from './range-warnings.query';

export interface RangeWarningsView {
  scoreId: string;
  version?: number;
  warnings: RangeWarning[];
}

@QueryHandler(GetRangeWarnings)
export class GetRangeWarningsHandler implements IQueryHandler<GetRangeWarnings, RangeWarningsView> {
  constructor(private readonly queryBus: QueryBus) {}

  async execute({ scoreId, partId, version }: GetRangeWarnings): Promise<RangeWarningsView> {
    const score = await analysedScore(this.queryBus, scoreId, version);
    return { scoreId, ...versionField(score), warnings: rangeWarnings(score.state, { partId }) };
  }
}
