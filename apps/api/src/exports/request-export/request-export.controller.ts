import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@bandpro/domain';
import type { EventStore } from '@bandpro/events';
import type { ExportQueue, ExportRequest, ExportState } from '@bandpro/exports';
import { RequireScoreRole } from '../../common/auth/auth.decorators';
import type { ScoreLoader } from '../../infrastructure/score-loader';
import { EVENT_STORE, SCORE_LOADER } from '../../infrastructure/tokens';
import { refuseTrashed } from '../../scores/lifecycle/score-lifecycle';
import { ScoreIdParams } from '../../scores/score-id.params';
import { EXPORT_QUEUE } from '../exports.tokens';
import { RequestExportDto } from './request-export.dto';

export interface ExportAccepted {
  exportId: string;
  status: ExportState;
}

/** Queues an export; the same request again (same score version and options) names the same export. */
@ApiTags('exports')
@Controller('scores/:scoreId/exports')
export class RequestExportController {
  constructor(
    @Inject(EXPORT_QUEUE) private readonly queue: ExportQueue,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SCORE_LOADER) private readonly loader: ScoreLoader,
  ) {}

  @Post()
  @HttpCode(202)
  @RequireScoreRole('viewer')
  @ApiOperation({ summary: 'Export a score or its parts (MusicXML, MXL, MIDI, PDF, SVG); poll GET /exports/:exportId' })
  async request(@Param() { scoreId }: ScoreIdParams, @Body() body: RequestExportDto): Promise<ExportAccepted> {
    const request = await this.checked(scoreId, body);
    const { exportId, state } = await this.queue.enqueue(request);
    return { exportId, status: state };
  }

  /** Refused here rather than as a failed job: the score out of the trash, the version existing, every part in it. */
  private async checked(scoreId: string, body: RequestExportDto): Promise<ExportRequest> {
    await refuseTrashed(this.store, scoreId);
    const current = await this.store.streamVersion(scoreId);
    const version = body.version ?? current;
    if (version > current) throw new NotFoundError('SCORE_VERSION_NOT_FOUND', 'The score has no such version', { scoreId, version });
    const parts = body.parts ?? 'score';
    if (parts !== 'score') {
      const { state } = await this.loader.load(scoreId, { version });
      const known = new Set(state.status === 'active' ? state.parts.map((p) => p.id) : []);
      const missing = parts.find((id) => !known.has(id));
      if (missing !== undefined) throw new NotFoundError('EXPORT_PART_NOT_FOUND', 'The score has no such part at that version', { partId: missing, version });
    }
    return { scoreId, version, formats: body.formats, parts, concertPitch: body.concertPitch ?? false, pageSize: body.pageSize ?? 'A4' };
  }
}
