import { Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { MongoSnapshotStore, SQLITE_FILE_NAME, SqliteSnapshotStore, type EventStore, type SnapshotStore } from '@bandpro/events';
import {
  BullMqExportWorker, createExportProcessor, createScoreAggregateLoader, DownloadSigner, ExportJobName, LocalDiskStorage, S3Storage, scoreAtVersion,
  type ExportStorage,
} from '@bandpro/exports';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ProjectorConfig } from '../config/projector.config';
import { EVENT_STORE } from '../projector.tokens';
import { FORMATS_RENDERERS } from './formats-renderers';

export const EXPORT_WORKER = Symbol('EXPORT_WORKER');

/** The running worker and what it holds open, closed with the process. */
export class ExportWorkerService implements OnApplicationShutdown {
  constructor(
    readonly worker: BullMqExportWorker,
    private readonly snapshots: SnapshotStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.worker.close();
    await this.snapshots.close();
  }
}

export async function createSnapshotStore(config: ProjectorConfig): Promise<SnapshotStore> {
  if (!config.mongodbUri) return new SqliteSnapshotStore(join(config.dataDir, SQLITE_FILE_NAME));
  const { default: mongoose } = await import('mongoose');
  return new MongoSnapshotStore(await mongoose.createConnection(config.mongodbUri).asPromise());
}

/** The same place the API serves downloads from; the worker only writes, so its link signer is never used. */
function createStorage(config: ProjectorConfig): ExportStorage {
  if (config.exports.s3) return new S3Storage(config.exports.s3);
  return new LocalDiskStorage(join(config.dataDir, 'exports'), new DownloadSigner(randomBytes(32).toString('hex')));
}

async function startWorker(config: ProjectorConfig & { redisUrl: string }, store: EventStore): Promise<ExportWorkerService> {
  const snapshots = await createSnapshotStore(config);
  const processor = createExportProcessor({ loadScore: scoreAtVersion(createScoreAggregateLoader(store, snapshots)), renderers: FORMATS_RENDERERS, storage: createStorage(config) });
  // Every job name needs its handler: the worker throws here otherwise, and the projector does not boot.
  const worker = new BullMqExportWorker({ redisUrl: config.redisUrl, prefix: config.exports.queuePrefix, handlers: { [ExportJobName.Render]: processor } });
  await worker.waitUntilReady();
  new Logger('ExportWorker').log(`Taking export jobs from Redis (prefix "${config.exports.queuePrefix}")`);
  return new ExportWorkerService(worker, snapshots);
}

/** The export worker's providers: none without Redis (the API then renders exports itself). */
export function exportWorkerProviders(config: ProjectorConfig): Provider[] {
  const { redisUrl } = config;
  if (!redisUrl) return [];
  return [{ provide: EXPORT_WORKER, inject: [EVENT_STORE], useFactory: (store: EventStore) => startWorker({ ...config, redisUrl }, store) }];
}
