import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@bandpro/events';
import { CurrentActor, RequireScoreRole } from '../../../common/auth/auth.decorators';
import { baseVersionFrom, commandIdFor, requireActor } from '../../../common/http/command-context';
import { ScoreIdParams } from '../../score-id.params';
import type { ExecuteResult } from '../../execution/score-command-executor';
import { ApplyScoreCommands } from '../apply-command/apply-score-commands.command';
import { WriteNoteDto } from './write-note.dto';

@ApiTags('scores')
@Controller('scores/:scoreId/notes')
export class WriteNoteController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @RequireScoreRole('editor')
  @ApiOperation({ summary: 'Write a note, chord or rest (WriteNote)' })
  write(
    @Param() { scoreId }: ScoreIdParams,
    @Body() { expectedVersion, ...data }: WriteNoteDto,
    @CurrentActor() actor: Actor | undefined,
    @Headers('idempotency-key') key?: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ExecuteResult> {
    const who = requireActor(actor);
    const command = new ApplyScoreCommands(scoreId, [{ type: 'WriteNote', data: plain(data) }], who, commandIdFor(who, key), baseVersionFrom(ifMatch, expectedVersion));
    return this.commandBus.execute(command);
  }
}

/** DTO class instances to the plain JSON the domain and the store expect. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
