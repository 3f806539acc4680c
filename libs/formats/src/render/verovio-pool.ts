import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ScoreMustBeEngravable } from './render-errors';

/*
 * Verovio in worker threads, for PDFs: a render no longer blocks the process's event loop for seconds, and a
 * large score is engraved by two threads at once. Each thread lays out the whole score (Verovio cannot lay out
 * part of one and give the same pages) and draws half of the pages, so the second core halves the drawing while
 * the caller turns pages into PDF as they arrive. Threads stay up between renders (Verovio takes a while to
 * start), unreferenced, and end after 15 s without work (test files each start their own, so they must not pile up).
 */

type Reply = { id: number } & (
  | { kind: 'count'; pageCount: number }
  | { kind: 'page'; page: number; svg: string }
  | { kind: 'done' }
  | { kind: 'refused'; log: string }
  | { kind: 'failed'; message: string }
);

interface Job {
  reply(reply: Reply): void;
  crash(error: Error): void;
}

const IDLE_MS = 15_000;
/** Below this much MusicXML a score is a few pages: a second layout would cost more than it saves. */
const SPLIT_ABOVE_CHARS = 400_000;

class EngraverThread {
  private readonly worker: Worker;
  readonly jobs = new Map<number, Job>();

  constructor(private readonly gone: (thread: EngraverThread) => void) {
    this.worker = new Worker(join(__dirname, 'verovio-worker.js'), { workerData: { verovio: require.resolve('verovio') } });
    this.worker.on('message', (reply: Reply) => this.jobs.get(reply.id)?.reply(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`The engraver thread stopped (exit code ${code})`)));
    // After the listeners (a 'message' listener references the thread again): idle, it keeps no process alive.
    this.worker.unref();
  }

  post(message: Record<string, unknown>, job: Job): void {
    this.jobs.set(message.id as number, job);
    this.worker.ref();
    this.worker.postMessage(message);
  }

  finish(id: number): void {
    this.jobs.delete(id);
    if (this.jobs.size === 0) this.worker.unref();
  }

  stop(): void {
    void this.worker.terminate();
  }

  private fail(error: Error): void {
    this.gone(this);
    for (const job of this.jobs.values()) job.crash(error);
    this.jobs.clear();
  }
}

const threads: EngraverThread[] = [];
let nextId = 1;
let idleTimer: NodeJS.Timeout | undefined;

function thread(i: number): EngraverThread {
  threads[i] ??= new EngraverThread((gone) => {
    const at = threads.indexOf(gone);
    if (at >= 0) threads.splice(at, 1);
  });
  return threads[i];
}

function stopWhenIdle(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (threads.some((t) => t.jobs.size > 0)) return stopWhenIdle();
    threads.splice(0).forEach((t) => t.stop());
  }, IDLE_MS);
  idleTimer.unref();
}

/** One thread's share of the pages; resolves with the page count once its pages are all delivered. */
function engraveShare(t: EngraverThread, job: { musicXml: string; options: Record<string, unknown>; share: number; shares: number }, onPage: (page: number, svg: string) => void): Promise<number> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    let pageCount = 0;
    const end = (settle: () => void) => {
      t.finish(id);
      stopWhenIdle();
      settle();
    };
    t.post({ id, ...job }, {
      reply: (reply) => {
        if (reply.kind === 'count') pageCount = reply.pageCount;
        else if (reply.kind === 'page') onPage(reply.page, reply.svg);
        else if (reply.kind === 'done') end(() => resolve(pageCount));
        else if (reply.kind === 'refused') end(() => reject(new ScoreMustBeEngravable({ reason: reply.log || 'no page was laid out' })));
        else end(() => reject(new Error(`The engraver failed: ${reply.message}`)));
      },
      crash: (error) => end(() => reject(error)),
    });
  });
}

/**
 * Engraves MusicXML with the given Verovio options in worker threads, calling `onPage` for every page as it is
 * drawn (in no particular order); resolves with the number of pages, or rejects with ScoreMustBeEngravable.
 */
export async function engraveInThreads(musicXml: string, options: Record<string, unknown>, onPage: (page: number, svg: string) => void): Promise<number> {
  const shares = musicXml.length > SPLIT_ABOVE_CHARS && availableParallelism() > 1 ? 2 : 1;
  const counts = await Promise.all(Array.from({ length: shares }, (_, share) => engraveShare(thread(share), { musicXml, options, share, shares }, onPage)));
  return counts[0];
}
