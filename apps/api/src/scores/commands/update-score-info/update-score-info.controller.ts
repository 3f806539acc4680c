import { Body, Controller, Headers, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@bandpro/events';
import { CurrentActor, RequireScoreRole } from '../../../common/auth/auth.decorators';
import { baseVersionFrom, commandIdFor, requireActor } from '../../../common/http/command-context';
import { ScoreIdParams } from '../../score-id.params';
import type { ExecuteResult } from '../../execution/score-command-executor';
import { ApplyScoreCommands } from '../apply-command/apply-score-commands.command';
import { UpdateScoreInfoDto } from './update-score-info.dto';

@ApiTags('scores')
@Controller('scores/:scoreId')
export class UpdateScoreInfoController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch()
  @RequireScoreRole('editor')
  @ApiOperation({ summary: 'Update title, composer and the rest of the score info' })
  update(
    @Param() { scoreId }: ScoreIdParams,
    @Body() { expectedVersion, ...info }: UpdateScoreInfoDto,
    @CurrentActor() actor: Actor | undefined,
    @Headers('idempotency-key') key?: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ExecuteResult> {
    const who = requireActor(actor);
    const data = { ...info };
    return this.commandBus.execute(new ApplyScoreCommands(scoreId, [{ type: 'UpdateScoreInfo', data }], who, commandIdFor(who, key), baseVersionFrom(ifMatch, expectedVersion)));
  }
}
