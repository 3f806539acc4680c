import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type AuthenticatedRequest } from '../../../common/auth/auth.decorators';
import { requireActor } from '../../../common/http/command-context';
import { ListScoresDto } from './list-scores.dto';
import type { ScorePage } from './list-scores.handler';
import { ListScores } from './list-scores.query';

@ApiTags('scores')
@Controller('scores')
export class ListScoresController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The caller's own scores and those shared with them, each with the caller's role on it. */
  @Get()
  @ApiOperation({ summary: 'List, search and page through my scores and the scores shared with me' })
  list(@Query() query: ListScoresDto, @CurrentActor() actor: AuthenticatedRequest['actor']): Promise<ScorePage> {
    const who = requireActor(actor);
    return this.queryBus.execute(
      new ListScores(actor?.userId ?? who.id, {
        q: query.q,
        instrument: query.instrument,
        trashed: query.trashed ?? false,
        sort: query.sort ?? 'updatedAt',
        order: query.order ?? (query.sort === undefined ? 'desc' : 'asc'),
        limit: query.limit ?? 20,
        offset: query.offset ?? 0,
      }),
    );
  }
}
