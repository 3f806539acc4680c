import { Controller, Get, Inject, Logger, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { auditCsvStream, auditNdjsonStream, AUDIT_EXPORT_CONTENT_TYPES, type AuditLog, type AuditPage, type AuditRecord } from '@bandpro/audit';
import type { FastifyReply } from 'fastify';
import { openDownload } from '../common/http/raw-download';
import { pipeline } from 'node:stream/promises';
import { AdminGuard } from './admin.guard';
import { AuditExportDto, AuditQueryDto, toAuditFilter } from './admin-audit.dto';
import { AuditRecorder } from './audit-recorder';
import { Audit } from './audit.decorator';
import { AUDIT_CLOCK, AUDIT_LOG, type AuditClock } from './audit.tokens';
import { openAuditRecord } from './audit-sealing';
import type { PersonalData } from '../gdpr/personal-data/personal-data';
import { PERSONAL_DATA } from '../gdpr/personal-data/sealing-event-store';

/** Reading the audit log: admins only, and each read is itself recorded. There is no route that changes a record. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AdminGuard)
@Controller('admin/audit')
export class AdminAuditController {
  private readonly logger = new Logger('AdminAuditController');

  constructor(
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    @Inject(AUDIT_CLOCK) private readonly clock: AuditClock,
    private readonly recorder: AuditRecorder,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
  ) {}

  @Get()
  @Audit('admin.audit_queried')
  async query(@Query() dto: AuditQueryDto): Promise<AuditPage> {
    // What this process recorded a moment ago must show: write the buffer first.
    await this.recorder.flush();
    const page = await this.log.query({ ...toAuditFilter(dto), cursor: dto.cursor, limit: dto.limit ?? 100 });
    return { ...page, records: await Promise.all(page.records.map((record) => openAuditRecord(record, this.personalData.vault))) };
  }

  /** Streamed row by row: the file is never built in memory. */
  @Get('export')
  @Audit('admin.audit_exported')
  async export(@Query() dto: AuditExportDto, @Res() reply: FastifyReply): Promise<void> {
    await this.recorder.flush();
    const format = dto.format ?? 'ndjson';
    const records = openedRecords(this.log.stream(toAuditFilter(dto)), this.personalData);
    const stamp = this.clock().toISOString().replace(/[:.]/g, '-');
    const response = openDownload(reply, {
      'Content-Type': AUDIT_EXPORT_CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="bandpro-audit-${stamp}.${format}"`,
      'Cache-Control': 'no-store',
    });
    // A failure midway can only cut the download short (the status is sent): pipeline destroys the response.
    await pipeline(format === 'csv' ? auditCsvStream(records) : auditNdjsonStream(records), response).catch((error: unknown) => {
      this.logger.error(`An audit export was cut short: ${String(error)}`);
    });
  }
}

/** Admins see each client address and user agent as recorded, until its person is erased. */
export async function* openedRecords(records: AsyncIterable<AuditRecord>, personalData: PersonalData): AsyncIterable<AuditRecord> {
  for await (const record of records) yield openAuditRecord(record, personalData.vault);
}
