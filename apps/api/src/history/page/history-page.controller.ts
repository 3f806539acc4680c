import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScoreRole } from '../../common/auth/auth.decorators';
import { ScoreIdParams } from '../../scores/score-id.params';
import { HistoryPageDto } from './history-page.dto';
import { HistoryPageService, type HistoryPage } from './history-page.service';

@ApiTags('history')
@Controller('scores/:scoreId/history')
export class HistoryPageController {
  constructor(private readonly history: HistoryPageService) {}

  @Get()
  @RequireScoreRole('viewer')
  @ApiOperation({ summary: 'Version history: every change with who, when and what, newest first, paginated by version' })
  page(@Param() { scoreId }: ScoreIdParams, @Query() query: HistoryPageDto): Promise<HistoryPage> {
    return this.history.page(scoreId, query);
  }
}
