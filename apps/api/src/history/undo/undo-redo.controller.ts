import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@bandpro/events';
import { planRedo, planUndo, REDO_MARK, UNDO_MARK, undoStackOf, type Change, type UndoStack } from '@bandpro/history';
import { CurrentActor, RequireScoreRole } from '../../common/auth/auth.decorators';
import { commandIdFor, requireActor } from '../../common/http/command-context';
import type { ExecuteResult } from '../../scores/execution/score-command-executor';
import { ScoreIdParams } from '../../scores/score-id.params';
import { ChangeLog } from '../change-log';
import { ChangeWriter } from '../change-writer';

const STARTS_A_SCORE = new Set(['ScoreCreated', 'ScoreImported']);
const EMPTY: UndoStack = { undoable: [], redoable: [] };

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
      const log = await this.logAt(scoreId, version);
      const plan = planUndo(log.changes, who.id, current, log.stacks.get(who.id) ?? EMPTY);
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
      const log = await this.logAt(scoreId, version);
      const plan = planRedo(log.changes, who.id, current, log.stacks.get(who.id) ?? EMPTY);
      return { events: plan.events, correlationId: REDO_MARK + plan.target.commandId };
    });
  }

  /**
   * The log as of `version`, the state the plan is checked against. Someone may have appended since that state
   * was loaded: then the stacks are derived again from the changes up to it (the append will retry anyway).
   */
  private async logAt(scoreId: string, version: number): Promise<{ changes: readonly Change[]; stacks: ReadonlyMap<string, UndoStack> }> {
    const log = await this.log.read(scoreId);
    if (log.version === version) return log;
    const changes = log.changes.filter((change) => change.toVersion <= version && !STARTS_A_SCORE.has(change.events[0].type));
    const stacks = new Map([...log.stacks.keys()].map((userId) => [userId, undoStackOf(changes, userId)]));
    return { changes, stacks };
  }
}
