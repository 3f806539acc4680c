import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScoreRole } from '../../common/auth/auth.decorators';
import { ScoreIdParams } from '../../scores/score-id.params';
import { AnalysisVersionDto } from '../analysis.dto';
import { ChordNameDto } from './chord-name.dto';
import type { ChordNameView } from './chord-name.handler';
import { NameChord } from './chord-name.query';
import { toNoteSelection } from './chord-selection';

/** A query with a body (a selection can be long), so POST answers 200: nothing is created. */
@ApiTags('analysis')
@Controller('scores/:scoreId/analysis')
export class ChordNameController {
  constructor(private readonly queryBus: QueryBus) {}

  @Post('chord-name')
  @HttpCode(200)
  @RequireScoreRole('viewer')
  @ApiOperation({ summary: 'The chord name of the selected notes (entries, or whole measures of some parts)' })
  name(@Param() { scoreId }: ScoreIdParams, @Query() { version }: AnalysisVersionDto, @Body() body: ChordNameDto): Promise<ChordNameView> {
    return this.queryBus.execute(new NameChord(scoreId, toNoteSelection(body.selection, body.partId), version));
  }
}
