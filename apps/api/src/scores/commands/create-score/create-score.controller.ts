import { Body, Controller, Headers, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@bandpro/events';
import { CurrentActor } from '../../../common/auth/auth.decorators';
import { commandIdFor, requireActor } from '../../../common/http/command-context';
import { CreateScoreFromRequest } from './create-score.command';
import { CreateScoreDto } from './create-score.dto';
import type { CreatedScore } from './create-score.handler';

@ApiTags('scores')
@Controller('scores')
export class CreateScoreController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Any signed-in user may create a score; they become its owner. */
  @Post()
  @ApiOperation({ summary: 'Create a blank score or one from a template' })
  create(@Body() body: CreateScoreDto, @CurrentActor() actor: Actor | undefined, @Headers('idempotency-key') key?: string): Promise<CreatedScore> {
    const who = requireActor(actor);
    return this.commandBus.execute(new CreateScoreFromRequest(body, who, commandIdFor(who, key), key !== undefined));
  }
}
