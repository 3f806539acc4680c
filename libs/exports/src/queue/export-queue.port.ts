import type { ExportRequest } from '../request/export-request';
import type { StoredExport } from '../storage/export-storage.port';

/** Job names a worker must handle; boot fails when one has no handler. */
export enum ExportJobName {
  Render = 'render-export',
}

export const EXPORT_QUEUE_NAME = 'exports';

export type ExportState = 'queued' | 'active' | 'completed' | 'failed';

export interface ExportStatus {
  exportId: string;
  state: ExportState;
  /** 0 to 100. */
  progress: number;
  request: ExportRequest;
  /** Present once completed. */
  result?: StoredExport;
  /** Present once failed for good (every attempt used, or an error no retry can fix). */
  errorCode?: string;
}

/** Enqueueing the same request twice gives the same export, whatever state it is in (a failed one starts again). */
export interface ExportQueue {
  enqueue(request: ExportRequest): Promise<ExportStatus>;
  status(exportId: string): Promise<ExportStatus | undefined>;
  close(): Promise<void>;
}

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the second try; it doubles before each later one. */
  backoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, backoffMs: 2_000 };

/** Reports progress in percent, 0 to 100. */
export type JobProgress = (percent: number) => void | Promise<void>;

/** Does the work of one export and says where its file went. */
export type ExportProcessor = (exportId: string, request: ExportRequest, onProgress: JobProgress) => Promise<StoredExport>;

export interface ExportJobData {
  exportId: string;
  request: ExportRequest;
}
