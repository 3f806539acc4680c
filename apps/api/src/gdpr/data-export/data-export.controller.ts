import { Controller, Get, Logger, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Audit } from '../../audit/audit.decorator';
import { CurrentActor, type AuthenticatedRequest } from '../../common/auth/auth.decorators';
import { openDownload } from '../../common/http/raw-download';
import { DataExportService } from './data-export.service';
import { ZipStream } from './zip-stream';

type RequestActor = NonNullable<AuthenticatedRequest['actor']>;

@ApiTags('gdpr')
@ApiBearerAuth()
@Controller('me')
export class DataExportController {
  private readonly logger = new Logger('DataExportController');

  constructor(private readonly exports: DataExportService) {}

  @Get('data-export')
  @Audit('gdpr.data_exported')
  @ApiOperation({ summary: 'Everything BandPro holds about me, as a zip (streamed)' })
  async export(@CurrentActor() actor: RequestActor, @Res() reply: FastifyReply): Promise<void> {
    const account = await this.exports.account(actor);
    const now = new Date();
    const response = openDownload(reply, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="bandpro-my-data-${now.toISOString().slice(0, 10)}.zip"`,
      'Cache-Control': 'no-store',
    });
    const zip = new ZipStream(response);
    try {
      await this.exports.write(account, zip, now);
      await zip.end();
      response.end();
    } catch (error) {
      // The status is sent: a failure can only cut the download short, which the broken zip makes plain.
      this.logger.error(`A data export was cut short: ${String(error)}`);
      response.destroy(error instanceof Error ? error : undefined);
    }
  }
}
