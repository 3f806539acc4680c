import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@bandpro/events';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { CurrentActor, RequireScoreRole } from '../../../common/auth/auth.decorators';
import { commandIdFor, requireActor } from '../../../common/http/command-context';
import { ScoreIdParams } from '../../score-id.params';
import type { CreatedScore } from '../create-score/create-score.handler';
import { DuplicateScore } from './duplicate-score.command';
import { DuplicateScoreDto } from './duplicate-score.dto';

const COPY_NAMESPACE = '0b8e5f5a-2f0e-4a52-8d7c-61f0c1f4a7e2';

@ApiTags('scores')
@Controller('scores/:scoreId/duplicate')
export class DuplicateScoreController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @RequireScoreRole('viewer')
  @ApiOperation({ summary: 'Copy a score into a new one owned by the caller' })
  duplicate(
    @Param() { scoreId }: ScoreIdParams,
    @Body() body: DuplicateScoreDto,
    @CurrentActor() actor: Actor | undefined,
    @Headers('idempotency-key') key?: string,
  ): Promise<CreatedScore> {
    const who = requireActor(actor);
    const commandId = commandIdFor(who, key);
    // A retry with the same key must copy into the same new score.
    const newScoreId = body.scoreId ?? (key === undefined ? uuidv7() : uuidv5(commandId, COPY_NAMESPACE));
    return this.commandBus.execute(new DuplicateScore(scoreId, newScoreId, body.title, who, commandId));
  }
}
