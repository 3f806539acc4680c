import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { contentDisposition, contentTypeOf, LocalDiskStorage, type DownloadSigner, type ExportStorage } from '@bandpro/exports';
import { IsString, MaxLength } from 'class-validator';
import { Public } from '../../common/auth/auth.decorators';
import { ApiError } from '../../common/errors/api-error';
import { DOWNLOAD_SIGNER, EXPORT_STORAGE } from '../exports.tokens';

export class DownloadQueryDto {
  @ApiProperty() @IsString() @MaxLength(100) key!: string;
  @ApiProperty() @IsString() @MaxLength(300) name!: string;
  @ApiProperty() @IsString() @MaxLength(20) expires!: string;
  @ApiProperty() @IsString() @MaxLength(128) signature!: string;
}

/** The link itself is the credential (a signed, expiring grant), so the route is public: browsers follow it without a token. */
@ApiTags('exports')
@Controller('exports')
export class DownloadExportController {
  constructor(
    @Inject(EXPORT_STORAGE) private readonly storage: ExportStorage,
    @Inject(DOWNLOAD_SIGNER) private readonly signer: DownloadSigner,
  ) {}

  @Get('download')
  @Public()
  @ApiOperation({ summary: 'An export file, by the signed link GET /exports/:exportId gave' })
  async download(@Query() query: DownloadQueryDto): Promise<StreamableFile> {
    const check = this.signer.verify(query);
    if (!check.ok && check.reason === 'expired') throw new ApiError(410, 'DOWNLOAD_LINK_EXPIRED', 'The download link has expired: ask for the export again');
    if (!check.ok) throw new ApiError(403, 'DOWNLOAD_LINK_INVALID', 'The download link is not valid');
    const opened = this.storage instanceof LocalDiskStorage ? await this.storage.open(check.grant.key).catch(() => undefined) : undefined;
    if (!opened) throw new ApiError(404, 'EXPORT_FILE_NOT_FOUND', 'The export file is no longer here: ask for the export again');
    const { name } = check.grant;
    return new StreamableFile(opened.stream, { type: contentTypeOf(name), disposition: contentDisposition(name), length: opened.size });
  }
}
