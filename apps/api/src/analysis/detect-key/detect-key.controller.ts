import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScoreRole } from '../../common/auth/auth.decorators';
import { ScoreIdParams } from '../../scores/score-id.params';
import { PassageQueryDto } from '../analysis.dto';
import type { DetectedKeyView } from './detect-key.handler';
import { DetectKey } from './detect-key.query';

@ApiTags('analysis')
@Controller('scores/:scoreId/analysis')
export class DetectKeyController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('key')
  @RequireScoreRole('viewer')
  @ApiOperation({ summary: 'The key of a passage (concert pitch, Krumhansl–Schmuckler), with its correlation and the runners-up' })
  get(@Param() { scoreId }: ScoreIdParams, @Query() { partId, from, to, version }: PassageQueryDto): Promise<DetectedKeyView> {
    const range = { partIds: partId === undefined ? undefined : [partId], fromMeasureId: from, toMeasureId: to };
    return this.queryBus.execute(new DetectKey(scoreId, range, version));
  }
}
