import { cannotSucceed, errorCodeOf } from '../errors';
import { exportIdOf, normalizeRequest, type ExportRequest } from '../request/export-request';
import { DEFAULT_RETRY_POLICY, type ExportProcessor, type ExportQueue, type ExportStatus, type RetryPolicy } from './export-queue.port';

interface Entry {
  status: ExportStatus;
  attempt: number;
}

/** Finished exports remembered (for polling and dedupe) before the oldest are forgotten: memory stays bounded. */
const DEFAULT_KEEP_FINISHED = 1_000;

/**
 * The queue without Redis: jobs run in this process one at a time, in arrival order, with the same
 * dedupe and retries as the BullMQ queue. State lives in memory, so it is lost on restart.
 */
export class InProcessExportQueue implements ExportQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly waiting: string[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly process: ExportProcessor,
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly keepFinished = DEFAULT_KEEP_FINISHED,
  ) {}

  async enqueue(request: ExportRequest): Promise<ExportStatus> {
    const exportId = exportIdOf(request);
    const existing = this.entries.get(exportId);
    if (existing && existing.status.state !== 'failed') return { ...existing.status };
    const entry: Entry = { status: { exportId, state: 'queued', progress: 0, request: normalizeRequest(request) }, attempt: 0 };
    // Deleted first so a restarted export moves to the end of the insertion order the eviction follows.
    this.entries.delete(exportId);
    this.entries.set(exportId, entry);
    this.forgetOldFinished();
    const accepted = { ...entry.status };
    this.push(exportId);
    return accepted;
  }

  async status(exportId: string): Promise<ExportStatus | undefined> {
    const entry = this.entries.get(exportId);
    return entry && { ...entry.status };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    this.waiting.length = 0;
    await this.running;
  }

  private forgetOldFinished(): void {
    const finished = [...this.entries.values()].filter((e) => e.status.state === 'completed' || e.status.state === 'failed');
    for (const old of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) this.entries.delete(old.status.exportId);
  }

  private push(exportId: string): void {
    this.waiting.push(exportId);
    this.running ??= this.drain();
  }

  private async drain(): Promise<void> {
    for (let next = this.waiting.shift(); next !== undefined && !this.closed; next = this.waiting.shift()) {
      await this.attempt(this.entries.get(next) as Entry);
    }
    this.running = undefined;
  }

  private async attempt(entry: Entry): Promise<void> {
    const { status } = entry;
    entry.attempt += 1;
    Object.assign(status, { state: 'active', progress: 0 });
    try {
      const result = await this.process(status.exportId, status.request, (percent) => {
        status.progress = percent;
      });
      Object.assign(status, { state: 'completed', progress: 100, result });
    } catch (error) {
      const final = cannotSucceed(error) || entry.attempt >= this.retry.attempts;
      if (final) Object.assign(status, { state: 'failed', errorCode: errorCodeOf(error) });
      else this.retryLater(entry);
    }
  }

  private retryLater(entry: Entry): void {
    entry.status.state = 'queued';
    const delay = this.retry.backoffMs * 2 ** (entry.attempt - 1);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) this.push(entry.status.exportId);
    }, delay);
    this.timers.add(timer);
  }
}
