import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScoreRole } from '../../common/auth/auth.decorators';
import { ScoreIdParams } from '../../scores/score-id.params';
import { ChordSuggestionsDto } from './chord-suggestions.dto';
import type { ChordSuggestionsView } from './chord-suggestions.handler';
import { SuggestChords } from './chord-suggestions.query';

@ApiTags('analysis')
@Controller('scores/:scoreId/analysis')
export class ChordSuggestionsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('chord-suggestions')
  @RequireScoreRole('viewer')
  @ApiOperation({ summary: "Chord symbols for a part's melody, per bar, half bar or beat, in the key signature in force" })
  get(@Param() { scoreId }: ScoreIdParams, @Query() { partId, from, to, per, version }: ChordSuggestionsDto): Promise<ChordSuggestionsView> {
    return this.queryBus.execute(new SuggestChords(scoreId, { partId, fromMeasureId: from, toMeasureId: to }, per ?? 'bar', version));
  }
}
