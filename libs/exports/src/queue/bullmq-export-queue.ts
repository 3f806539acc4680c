import { Queue, type Job } from 'bullmq';
import type Redis from 'ioredis';
import { codeOfFailureMessage } from '../errors';
import { exportIdOf, normalizeRequest, type ExportRequest } from '../request/export-request';
import type { StoredExport } from '../storage/export-storage.port';
import {
  DEFAULT_RETRY_POLICY, EXPORT_QUEUE_NAME, ExportJobName, type ExportJobData, type ExportQueue, type ExportState, type ExportStatus, type RetryPolicy,
} from './export-queue.port';
import { bullConnection, type BullMqOptions } from './redis-connection';

/** Finished jobs are kept a day: long enough to poll and download, short enough not to fill Redis. */
const KEEP_FINISHED_SECONDS = 24 * 3600;

type ExportJob = Job<ExportJobData, StoredExport, ExportJobName>;

const STATES: Record<string, ExportState> = { active: 'active', completed: 'completed', failed: 'failed' };

/** Exports queued in Redis for the projector's worker; the job id is the export id, so BullMQ dedupes. */
export class BullMqExportQueue implements ExportQueue {
  private readonly connection: Redis;
  private readonly queue: Queue<ExportJobData, StoredExport, ExportJobName>;

  constructor(options: BullMqOptions, private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY) {
    this.connection = bullConnection(options.redisUrl);
    this.queue = new Queue(EXPORT_QUEUE_NAME, { connection: this.connection, prefix: options.prefix });
  }

  async enqueue(request: ExportRequest): Promise<ExportStatus> {
    const exportId = exportIdOf(request);
    const existing = await this.queue.getJob(exportId);
    // A job with a taken id is not added again, so a failed export would stay failed: start it over.
    if (existing && (await existing.getState()) === 'failed') await existing.retry('failed', { resetAttemptsMade: true });
    else if (!existing) await this.add(exportId, normalizeRequest(request));
    return (await this.status(exportId)) as ExportStatus;
  }

  async status(exportId: string): Promise<ExportStatus | undefined> {
    const job: ExportJob | undefined = await this.queue.getJob(exportId);
    if (!job) return undefined;
    const state = STATES[await job.getState()] ?? 'queued';
    const progress = state === 'completed' ? 100 : typeof job.progress === 'number' ? job.progress : 0;
    const status: ExportStatus = { exportId, state, progress, request: job.data.request };
    if (state === 'completed') status.result = job.returnvalue;
    if (state === 'failed') status.errorCode = codeOfFailureMessage(job.failedReason);
    return status;
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }

  /** Concurrent adds with the same id leave one job: BullMQ checks the id inside its add script. */
  private add(exportId: string, request: ExportRequest): Promise<ExportJob> {
    return this.queue.add(ExportJobName.Render, { exportId, request }, {
      jobId: exportId,
      attempts: this.retry.attempts,
      backoff: { type: 'exponential', delay: this.retry.backoffMs },
      removeOnComplete: { age: KEEP_FINISHED_SECONDS },
      removeOnFail: { age: KEEP_FINISHED_SECONDS },
    });
  }
}
