import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@bandpro/events';
import { CurrentActor, RequireScoreRole } from '../../../common/auth/auth.decorators';
import { baseVersionFrom, commandIdFor, requireActor } from '../../../common/http/command-context';
import { ScoreIdParams } from '../../score-id.params';
import type { ExecuteResult } from '../../execution/score-command-executor';
import { ApplyScoreCommands } from '../apply-command/apply-score-commands.command';
import { ApplyBatchDto } from './apply-batch.dto';

/** Several commands decided in order and appended as one: all of them land, or none. */
@ApiTags('scores')
@Controller('scores/:scoreId/batch')
export class ApplyBatchController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @RequireScoreRole('editor')
  @ApiOperation({ summary: 'Apply several editing commands atomically' })
  apply(
    @Param() { scoreId }: ScoreIdParams,
    @Body() body: ApplyBatchDto,
    @CurrentActor() actor: Actor | undefined,
    @Headers('idempotency-key') key?: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ExecuteResult> {
    const who = requireActor(actor);
    const commands = body.commands.map(({ type, data }) => ({ type, data }));
    return this.commandBus.execute(new ApplyScoreCommands(scoreId, commands, who, commandIdFor(who, key), baseVersionFrom(ifMatch, body.expectedVersion)));
  }
}
