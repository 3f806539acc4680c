import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ScoreCatalogueEntry } from '@bandpro/read-models';
import { RequireScoreRole } from '../../../common/auth/auth.decorators';
import { ScoreIdParams } from '../../score-id.params';
import { GetScoreDto } from './get-score.dto';
import type { ScoreView } from './get-score.handler';
import { GetScore, GetScoreInfo } from './get-score.query';

@ApiTags('scores')
@Controller('scores/:scoreId')
export class GetScoreController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @RequireScoreRole('viewer')
  @ApiOperation({ summary: 'The score document (latest, or ?version=N), at concert pitch or as written (?concertPitch=false)' })
  get(@Param() { scoreId }: ScoreIdParams, @Query() { version, concertPitch }: GetScoreDto): Promise<ScoreView> {
    return this.queryBus.execute(new GetScore(scoreId, version, concertPitch ?? true));
  }

  @Get('info')
  @RequireScoreRole('viewer')
  @ApiOperation({ summary: 'Title, composer, parts and bar count of a score' })
  info(@Param() { scoreId }: ScoreIdParams): Promise<ScoreCatalogueEntry> {
    return this.queryBus.execute(new GetScoreInfo(scoreId));
  }
}
