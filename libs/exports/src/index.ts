export { cannotSucceed, codeOfFailureMessage, errorCodeOf, ExportRequestError } from './errors';
export { EXPORT_FORMATS, EXPORT_ID_PATTERN, EXPORT_PAGE_SIZES, exportIdOf, normalizeRequest, type ExportFormat, type ExportPageSize, type ExportRequest } from './request/export-request';
export type { ExportRenderers } from './render/export-renderers';
export { contentTypeOf, fileSafeName } from './render/file-names';
export { renderExport, type ExportProgress, type RenderedExport } from './render/render-export';
export { DownloadSigner, type DownloadCheck, type DownloadGrant, type SignedQuery } from './signing/download-signer';
export { contentDisposition, type ExportStorage, type StoredExport } from './storage/export-storage.port';
export { ExportKeyInvalidError, LocalDiskStorage } from './storage/local-disk-storage';
export { S3Storage, type S3StorageOptions } from './storage/s3-storage';
export {
  DEFAULT_RETRY_POLICY, EXPORT_QUEUE_NAME, ExportJobName, type ExportJobData, type ExportProcessor, type ExportQueue, type ExportState, type ExportStatus,
  type JobProgress, type RetryPolicy,
} from './queue/export-queue.port';
export { createExportProcessor, type ExportProcessorDependencies, type ScoreAtVersion } from './queue/export-processor';
export { InProcessExportQueue } from './queue/in-process-export-queue';
export { BullMqExportQueue } from './queue/bullmq-export-queue';
export { BullMqExportWorker, ExportJobHandlerMissingError, type ExportWorkerOptions } from './queue/bullmq-export-worker';
export type { BullMqOptions } from './queue/redis-connection';
export { createScoreAggregateLoader, scoreAtVersion, SCORE_SNAPSHOT_SCHEMA } from './scores/score-at-version';
