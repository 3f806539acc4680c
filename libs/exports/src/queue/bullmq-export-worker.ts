import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type Redis from 'ioredis';
import { cannotSucceed, failureMessage } from '../errors';
import type { StoredExport } from '../storage/export-storage.port';
import { EXPORT_QUEUE_NAME, ExportJobName, type ExportJobData, type ExportProcessor } from './export-queue.port';
import { bullConnection, type BullMqOptions } from './redis-connection';

export class ExportJobHandlerMissingError extends Error {
  readonly code = 'EXPORT_JOB_HANDLER_MISSING';
  constructor(names: string[]) {
    super(`No handler for export job(s): ${names.join(', ')}`);
    this.name = 'ExportJobHandlerMissingError';
  }
}

export interface ExportWorkerOptions extends BullMqOptions {
  handlers: Partial<Record<ExportJobName, ExportProcessor>>;
  /** Renders are CPU-bound: one at a time per process unless told otherwise. */
  concurrency?: number;
}

/** A BullMQ worker for the exports queue; it refuses to start while a job name has no handler. */
export class BullMqExportWorker {
  private readonly connection: Redis;
  private readonly worker: Worker<ExportJobData, StoredExport, ExportJobName>;

  constructor(options: ExportWorkerOptions) {
    const missing = Object.values(ExportJobName).filter((name) => options.handlers[name] === undefined);
    if (missing.length > 0) throw new ExportJobHandlerMissingError(missing);
    this.connection = bullConnection(options.redisUrl);
    this.worker = new Worker(EXPORT_QUEUE_NAME, (job) => this.run(job, options.handlers), {
      connection: this.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 1,
    });
  }

  /** Resolves once the worker is connected and taking jobs. */
  waitUntilReady(): Promise<unknown> {
    return this.worker.waitUntilReady();
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.connection.quit().catch(() => undefined);
  }

  private async run(job: Job<ExportJobData, StoredExport, ExportJobName>, handlers: ExportWorkerOptions['handlers']): Promise<StoredExport> {
    const handler = handlers[job.name];
    if (!handler) throw new UnrecoverableError(failureMessage(new ExportJobHandlerMissingError([job.name])));
    try {
      return await handler(job.data.exportId, job.data.request, (percent) => job.updateProgress(percent));
    } catch (error) {
      // A request that cannot succeed is not retried; anything else may be passing (disk, Redis, a crash).
      if (cannotSucceed(error)) throw new UnrecoverableError(failureMessage(error));
      throw new Error(failureMessage(error));
    }
  }
}
