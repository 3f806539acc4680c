import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@bandpro/events';
import { planRedo, planUndo, REDO_MARK, UNDO_MARK, type Change } from '@bandpro/history';
import { CurrentActor, RequireScoreRole } from '../../common/auth/auth.decorators';
import { commandIdFor, requireActor } from '../../common/http/command-context';
import type { ExecuteResult } from '../../scores/execution/score-command-executor';
import { ScoreIdParams } from '../../scores/score-id.params';
import { ChangeLog } from '../change-log';
import { ChangeWriter } from '../change-writer';

const STARTS_A_SCORE = new Set(['ScoreCreated', 'ScoreImported']);

/**
 * Per-user undo and redo: my last change is undone from its inverses against the current score, even when
 * others edited since; a clash with their later edits is refused with UNDO_CONFLICT. The stacks are derived
 * from the log (the undo/redo marks in the correlation id), so they survive reloads and devices.
 */
@ApiTags('history')
@Controller('scores/:scoreId')
export class UndoRedoController {
  constructor(
    private readonly log: ChangeLog,
    private readonly writer: ChangeWriter,
  ) {}

  @Post('undo')
  @HttpCode(200)
  @RequireScoreRole('editor')
  @ApiOperation({ summary: 'Undo my latest change (409 UNDO_CONFLICT, 422 NOTHING_TO_UNDO)' })
  undo(@Param() { scoreId }: ScoreIdParams, @CurrentActor() actor: Actor | undefined, @Headers('idempotency-key') key?: string): Promise<ExecuteResult> {
    const who = requireActor(actor);
    return this.writer.write(scoreId, { actor: who, commandId: commandIdFor(who, key) }, async (current, version) => {
      const plan = planUndo(await this.changesUpTo(scoreId, version), who.id, current);
      return { events: plan.events, correlationId: UNDO_MARK + plan.target.commandId };
    });
  }

  @Post('redo')
  @HttpCode(200)
  @RequireScoreRole('editor')
  @ApiOperation({ summary: 'Redo my latest undone change (409 REDO_CONFLICT, 422 NOTHING_TO_REDO)' })
  redo(@Param() { scoreId }: ScoreIdParams, @CurrentActor() actor: Actor | undefined, @Headers('idempotency-key') key?: string): Promise<ExecuteResult> {
    const who = requireActor(actor);
    return this.writer.write(scoreId, { actor: who, commandId: commandIdFor(who, key) }, async (current, version) => {
      const plan = planRedo(await this.changesUpTo(scoreId, version), who.id, current);
      return { events: plan.events, correlationId: REDO_MARK + plan.target.commandId };
    });
  }

  /** The changes up to `version`, without the one that created the score: undo never deletes a score (trash does). */
  private async changesUpTo(scoreId: string, version: number): Promise<Change[]> {
    const { changes } = await this.log.read(scoreId);
    let end = changes.length;
    while (end > 0 && changes[end - 1].toVersion > version) end--;
    return changes.slice(0, end).filter((change) => !STARTS_A_SCORE.has(change.events[0].type));
  }
}
