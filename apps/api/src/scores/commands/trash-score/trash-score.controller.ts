import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@bandpro/events';
import { CurrentActor, RequireScoreRole } from '../../../common/auth/auth.decorators';
import { commandIdFor, requireActor } from '../../../common/http/command-context';
import { ScoreIdParams } from '../../score-id.params';
import { ChangeTrashState } from './change-trash-state.command';
import type { TrashState } from './change-trash-state.handler';

/** Soft delete: a trashed score keeps its history, leaves the lists and refuses edits until restored. */
@ApiTags('scores')
@Controller('scores/:scoreId')
export class TrashScoreController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('trash')
  @HttpCode(200)
  @RequireScoreRole('owner')
  @ApiOperation({ summary: 'Move a score to the trash' })
  trash(@Param() { scoreId }: ScoreIdParams, @CurrentActor() actor: Actor | undefined, @Headers('idempotency-key') key?: string): Promise<TrashState> {
    const who = requireActor(actor);
    return this.commandBus.execute(new ChangeTrashState({ type: 'TrashScore', scoreId }, who, commandIdFor(who, key)));
  }

  @Post('restore')
  @HttpCode(200)
  @RequireScoreRole('owner')
  @ApiOperation({ summary: 'Bring a score back from the trash' })
  restore(@Param() { scoreId }: ScoreIdParams, @CurrentActor() actor: Actor | undefined, @Headers('idempotency-key') key?: string): Promise<TrashState> {
    const who = requireActor(actor);
    return this.commandBus.execute(new ChangeTrashState({ type: 'RestoreScore', scoreId }, who, commandIdFor(who, key)));
  }
}
