import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@bandpro/events';
import { CurrentActor, RequireScoreRole } from '../../../common/auth/auth.decorators';
import { baseVersionFrom, commandIdFor, requireActor } from '../../../common/http/command-context';
import { ScoreIdParams } from '../../score-id.params';
import type { ExecuteResult } from '../../execution/score-command-executor';
import { ApplyCommandDto } from './apply-command.dto';
import { ApplyScoreCommands } from './apply-score-commands.command';

/**
 * Every editing command of the score model through one route, `{ type, data }` checked per type.
 * ~38 commands as one folder each would repeat the same load-decide-append 38 times; the common
 * ones also have routes of their own (write-note, update-score-info).
 */
@ApiTags('scores')
@Controller('scores/:scoreId/commands')
export class ApplyCommandController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @RequireScoreRole('editor')
  @ApiOperation({ summary: 'Apply one editing command to a score' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The score version the client last saw' })
  apply(
    @Param() { scoreId }: ScoreIdParams,
    @Body() body: ApplyCommandDto,
    @CurrentActor() actor: Actor | undefined,
    @Headers('idempotency-key') key?: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ExecuteResult> {
    const who = requireActor(actor);
    const command = new ApplyScoreCommands(scoreId, [{ type: body.type, data: body.data }], who, commandIdFor(who, key), baseVersionFrom(ifMatch, body.expectedVersion));
    return this.commandBus.execute(command);
  }
}
