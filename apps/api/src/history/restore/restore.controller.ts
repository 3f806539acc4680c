import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@bandpro/domain';
import type { Actor } from '@bandpro/events';
import { planRestore, type RestoreScope, type RestoreSkip } from '@bandpro/history';
import { ApiError } from '../../common/errors/api-error';
import { CurrentActor, RequireScoreRole } from '../../common/auth/auth.decorators';
import { commandIdFor, requireActor } from '../../common/http/command-context';
import type { ScoreLoader } from '../../infrastructure/score-loader';
import { SCORE_LOADER } from '../../infrastructure/tokens';
import type { ExecuteResult } from '../../scores/execution/score-command-executor';
import { ScoreIdParams } from '../../scores/score-id.params';
import { ChangeLog } from '../change-log';
import { ChangeWriter } from '../change-writer';
import { RestoreVersionDto } from './restore.dto';

/** Restore is a new change made of compensating events: history stays linear and nothing is lost. */
@ApiTags('history')
@Controller('scores/:scoreId/history/restore')
export class RestoreVersionController {
  constructor(
    private readonly log: ChangeLog,
    private readonly writer: ChangeWriter,
    @Inject(SCORE_LOADER) private readonly loader: ScoreLoader,
  ) {}

  @Post()
  @HttpCode(200)
  @RequireScoreRole('editor')
  @ApiOperation({ summary: 'Bring back the whole score, one part, or a range of bars as they were at a version' })
  restore(@Param() { scoreId }: ScoreIdParams, @Body() dto: RestoreVersionDto, @CurrentActor() actor: Actor | undefined, @Headers('idempotency-key') key?: string): Promise<ExecuteResult & { skipped?: RestoreSkip[] }> {
    const who = requireActor(actor);
    const scope = scopeOf(dto);
    let skipped: RestoreSkip[] = [];
    return this.writer
      .write(scoreId, { actor: who, commandId: commandIdFor(who, key) }, async (current, head) => {
        if (dto.version > head) throw new NotFoundError('SCORE_VERSION_NOT_FOUND', `The score has versions 1 to ${head}`, { scoreId, version: dto.version, head });
        const target = await this.loader.load(scoreId, { version: dto.version });
        const eventsSince = await this.log.events(scoreId, dto.version + 1, head);
        const planned = planRestore({ current, target: target.state, eventsSince, scope });
        skipped = planned.skipped;
        return { events: planned.events, correlationId: `restore:${dto.version}` };
      })
      .then((result) => (skipped.length > 0 ? { ...result, skipped } : result));
  }
}

function scopeOf({ partId, fromMeasureId, toMeasureId }: RestoreVersionDto): RestoreScope {
  const bars = fromMeasureId !== undefined || toMeasureId !== undefined;
  if (bars && (fromMeasureId === undefined || toMeasureId === undefined)) {
    throw new ApiError(400, 'RESTORE_SCOPE_INVALID', 'A range of bars needs both fromMeasureId and toMeasureId');
  }
  if (bars && partId !== undefined) throw new ApiError(400, 'RESTORE_SCOPE_INVALID', 'Restore either a part or a range of bars, not both');
  if (partId !== undefined) return { kind: 'part', partId };
  if (bars) return { kind: 'bars', fromMeasureId: fromMeasureId as string, toMeasureId: toMeasureId as string };
  return { kind: 'score' };
}
