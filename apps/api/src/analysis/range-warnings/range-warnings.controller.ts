import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScoreRole } from '../../common/auth/auth.decorators';
import { ScoreIdParams } from '../../scores/score-id.params';
import { RangeWarningsDto } from './range-warnings.dto';
import type { RangeWarningsView } from './range-warnings.handler';
import { GetRangeWarnings } from './range-warnings.query';

@ApiTags('analysis')
@Controller('scores/:scoreId/analysis')
export class RangeWarningsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('range-warnings')
  @RequireScoreRole('viewer')
  @ApiOperation({ summary: "Notes outside their instrument's playable range (sounding pitch against the catalogue's sounding range)" })
  get(@Param() { scoreId }: ScoreIdParams, @Query() { partId, version }: RangeWarningsDto): Promise<RangeWarningsView> {
    return this.queryBus.execute(new GetRangeWarnings(scoreId, partId, version));
  }
}
