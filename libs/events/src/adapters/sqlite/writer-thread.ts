import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../../store/errors';
import type { AppendRequest, AppendWriterOptions, WriteOutcome } from './append-writer';
import type { GroupCommitStats } from './group-commit';
import { errorFrom, type WriterReply, type WriterThreadData } from './writer-thread-messages';

/** How long `close` waits for the thread to finish its writes and stop before terminating it. */
const CLOSE_GRACE_MS = 10_000;

interface Waiting {
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Loads the worker's module: through ts-node (transpile only) when this code runs from TypeScript sources, as
 * the apps, the tests and the benchmarks do; as it is when built to JavaScript.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.tsNode) {
  require(workerData.tsNode).register({
    transpileOnly: true,
    skipProject: true,
    compilerOptions: { module: 'commonjs', target: 'es2022', esModuleInterop: true },
  });
}
require(workerData.entry);
`;

/**
 * The event store's writer on a worker thread (writer-thread.worker.ts): each group commit, with its fsync, blocks
 * that thread instead of the event loop that serves requests. Same interface as SqliteAppendWriter, plain data
 * both ways. Writes sent before the thread is up wait in its message queue; if it cannot open the file or dies,
 * every waiting and later write fails with StoreUnavailableError. The thread keeps the process alive only while
 * writes are waiting.
 */
export class WriterThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private failure: Error | undefined;
  private drained: (() => void) | undefined;
  private lastStats: GroupCommitStats = { commits: 0, appends: 0, fallbacks: 0 };
  private readonly exited: Promise<void>;

  constructor(filename: string, options: Pick<AppendWriterOptions, 'maxGroupSize' | 'groupCommitWindowMs'> = {}) {
    const typescript = extname(__filename) === '.ts';
    const data: WriterThreadData & { entry: string; tsNode?: string } = {
      filename,
      options: { maxGroupSize: options.maxGroupSize, groupCommitWindowMs: options.groupCommitWindowMs },
      entry: join(__dirname, `writer-thread.worker${extname(__filename)}`),
      tsNode: typescript ? require.resolve('ts-node') : undefined,
    };
    this.worker = new Worker(BOOTSTRAP, { eval: true, workerData: data });
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => this.receive(reply));
    this.worker.on('error', (error) => this.fail(new StoreUnavailableError(`SQLite writer thread failed: ${error.message}`, error)));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    void this.exited.then(() => this.fail(new StoreUnavailableError('SQLite writer thread stopped')));
  }

  /** Group commit figures of the thread, as of its last answer. */
  get stats(): Readonly<GroupCommitStats> {
    return { ...this.lastStats };
  }

  write(request: AppendRequest): Promise<WriteOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<WriteOutcome>((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, request });
    });
  }

  /**
   * Waits for every write sent, then has the thread commit, close its connection and stop. A thread that has not
   * stopped `graceMs` later (stuck in the file system, say) is terminated, and writes it still owes fail: a
   * shutdown always ends.
   */
  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const overdue = new Promise<'overdue'>((resolve) => (timer = setTimeout(() => resolve('overdue'), graceMs)));
    const stopped = (async () => {
      if (this.waiting.size > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      if (!this.failure) {
        this.failure = new StoreUnavailableError('SQLite writer thread closed');
        this.worker.ref();
        this.worker.postMessage('close');
      }
      await this.exited;
    })();
    try {
      if ((await Promise.race([stopped, overdue])) === 'overdue') {
        this.fail(new StoreUnavailableError(`SQLite writer thread did not stop within ${graceMs} ms`));
        await this.worker.terminate();
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private receive(reply: WriterReply): void {
    if ('ready' in reply) return;
    if ('failed' in reply) return this.fail(errorFrom(reply.failed));
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    this.lastStats = reply.stats;
    if ('outcome' in reply) waiting.resolve(reply.outcome);
    else waiting.reject(errorFrom(reply.error));
    if (this.waiting.size === 0) this.idle();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(this.failure);
    this.waiting.clear();
    this.idle();
  }

  private idle(): void {
    this.worker.unref();
    this.drained?.();
    this.drained = undefined;
  }
}
