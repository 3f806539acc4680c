import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { DownloadSigner, ExportQueue, ExportStorage } from '@bandpro/exports';
import type { ApiConfig } from '../config/api.config';
import { IdentityModule } from '../identity/identity.module';
import type { ScoreLoader } from '../infrastructure/score-loader';
import { API_CONFIG, SCORE_LOADER } from '../infrastructure/tokens';
import { SharingModule } from '../sharing/sharing.module';
import { DownloadExportController } from './download-export/download-export.controller';
import { ExportAccess } from './export-access';
import { createDownloadSigner, createExportQueue, createExportStorage } from './export-infrastructure';
import { DOWNLOAD_SIGNER, EXPORT_QUEUE, EXPORT_STORAGE } from './exports.tokens';
import { GetExportController } from './get-export/get-export.controller';
import { RequestExportController } from './request-export/request-export.controller';

/** Export jobs: request, poll, download. Needs InfrastructureModule (config, stores, score loader). */
@Module({
  imports: [IdentityModule, SharingModule],
  // The download route comes first: `/exports/download` must not be read as an export id.
  controllers: [DownloadExportController, GetExportController, RequestExportController],
  providers: [
    ExportAccess,
    { provide: DOWNLOAD_SIGNER, inject: [API_CONFIG], useFactory: createDownloadSigner },
    { provide: EXPORT_STORAGE, inject: [API_CONFIG, DOWNLOAD_SIGNER], useFactory: (config: ApiConfig, signer: DownloadSigner) => createExportStorage(config, signer) },
    {
      provide: EXPORT_QUEUE,
      inject: [API_CONFIG, EXPORT_STORAGE, SCORE_LOADER],
      useFactory: (config: ApiConfig, storage: ExportStorage, loader: ScoreLoader) => createExportQueue(config, storage, loader),
    },
  ],
})
export class ExportsModule implements OnApplicationShutdown {
  constructor(@Inject(EXPORT_QUEUE) private readonly queue: ExportQueue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
