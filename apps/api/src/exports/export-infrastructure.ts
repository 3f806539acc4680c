import {
  BullMqExportQueue, createExportProcessor, DownloadSigner, InProcessExportQueue, LocalDiskStorage, S3Storage, scoreAtVersion,
  type ExportQueue, type ExportStorage,
} from '@bandpro/exports';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ApiConfig } from '../config/api.config';
import type { ScoreLoader } from '../infrastructure/score-loader';
import { FORMATS_RENDERERS } from './formats-renderers';

/** Without a configured secret (development), links are signed with one that lives as long as the process. */
export function createDownloadSigner(config: ApiConfig): DownloadSigner {
  return new DownloadSigner(config.exports.urlSecret ?? randomBytes(32).toString('base64url'));
}

export function createExportStorage(config: ApiConfig, signer: DownloadSigner): ExportStorage {
  if (config.exports.s3) return new S3Storage(config.exports.s3);
  return new LocalDiskStorage(join(config.dataDir, 'exports'), signer);
}

/** With Redis the projector's worker renders; without it this process does, one export at a time. */
export function createExportQueue(config: ApiConfig, storage: ExportStorage, loader: ScoreLoader): ExportQueue {
  const retry = { attempts: 3, backoffMs: config.exports.retryBackoffMs };
  if (config.redisUrl) return new BullMqExportQueue({ redisUrl: config.redisUrl, prefix: config.exports.queuePrefix }, retry);
  const processor = createExportProcessor({ loadScore: scoreAtVersion(loader), renderers: FORMATS_RENDERERS, storage });
  return new InProcessExportQueue(processor, retry);
}
