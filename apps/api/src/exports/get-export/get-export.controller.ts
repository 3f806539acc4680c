import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { EXPORT_ID_PATTERN, type ExportQueue, type ExportRequest, type ExportState, type ExportStorage } from '@bandpro/exports';
import { Matches } from 'class-validator';
import { CurrentActor, type AuthenticatedRequest } from '../../common/auth/auth.decorators';
import { ApiError } from '../../common/errors/api-error';
import { API_CONFIG } from '../../infrastructure/tokens';
import type { ApiConfig } from '../../config/api.config';
import { ExportAccess } from '../export-access';
import { EXPORT_QUEUE, EXPORT_STORAGE } from '../exports.tokens';

export class ExportIdParams {
  @ApiProperty({ description: 'As POST /scores/:scoreId/exports returned it' })
  @Matches(EXPORT_ID_PATTERN, { message: 'exportId must be 40 hexadecimal digits' })
  exportId!: string;
}

export interface ExportView extends Omit<ExportRequest, 'formats'> {
  exportId: string;
  formats: ExportRequest['formats'];
  status: ExportState;
  progress: number;
  errorCode?: string;
  /** When completed: a link valid for EXPORT_URL_TTL_SECONDS (a path on this API for local files). */
  downloadUrl?: string;
  expiresAt?: string;
  fileName?: string;
  size?: number;
}

@ApiTags('exports')
@Controller('exports')
export class GetExportController {
  constructor(
    @Inject(EXPORT_QUEUE) private readonly queue: ExportQueue,
    @Inject(EXPORT_STORAGE) private readonly storage: ExportStorage,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly access: ExportAccess,
  ) {}

  @Get(':exportId')
  @ApiOperation({ summary: 'State and progress of an export; a signed download link once completed' })
  async get(@Param() { exportId }: ExportIdParams, @CurrentActor() actor: AuthenticatedRequest['actor']): Promise<ExportView> {
    const status = await this.queue.status(exportId);
    if (!status) throw new ApiError(404, 'EXPORT_NOT_FOUND', 'There is no such export (finished exports are kept a day)', { exportId });
    await this.access.requireViewer(status.request.scoreId, actor);
    const view: ExportView = { exportId, ...status.request, status: status.state, progress: status.progress };
    if (status.errorCode !== undefined) view.errorCode = status.errorCode;
    if (status.result) {
      const ttl = this.config.exports.urlTtlSeconds;
      view.downloadUrl = await this.storage.downloadUrl(status.result, ttl);
      view.expiresAt = new Date(Date.now() + ttl * 1000).toISOString();
      Object.assign(view, { fileName: status.result.fileName, size: status.result.size });
    }
    return view;
  }
}
