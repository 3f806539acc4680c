import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@bandpro/domain';
import type { EventStore } from '@bandpro/events';
import { diffScores, type ScoreDiff } from '@bandpro/history';
import { RequireScoreRole } from '../../common/auth/auth.decorators';
import type { ScoreLoader } from '../../infrastructure/score-loader';
import { EVENT_STORE, SCORE_LOADER } from '../../infrastructure/tokens';
import { ScoreIdParams } from '../../scores/score-id.params';
import { DiffQueryDto } from './diff.dto';

@ApiTags('history')
@Controller('scores/:scoreId/diff')
export class DiffController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SCORE_LOADER) private readonly loader: ScoreLoader,
  ) {}

  @Get()
  @RequireScoreRole('viewer')
  @ApiOperation({ summary: 'What changed between two versions: parts, bars, notes and attributes, with before and after' })
  async diff(@Param() { scoreId }: ScoreIdParams, @Query() { from, to }: DiffQueryDto): Promise<{ from: number; to: number; diff: ScoreDiff }> {
    const head = await this.store.streamVersion(scoreId);
    if (head === 0) throw new NotFoundError('SCORE_NOT_FOUND', 'There is no such score', { scoreId });
    for (const version of [from, to]) {
      if (version > head) throw new NotFoundError('SCORE_VERSION_NOT_FOUND', `The score has versions 1 to ${head}`, { scoreId, version, head });
    }
    const [before, after] = await Promise.all([this.loader.load(scoreId, { version: from }), this.loader.load(scoreId, { version: to })]);
    return { from, to, diff: diffScores(before.state, after.state) };
  }
}
