// @ts-check
/*
 * A worker thread holding its own Verovio toolkit (see verovio-pool.ts). Plain JavaScript because a worker
 * starts from a file Node runs as is: the apps, the tests and the benchmarks run TypeScript through loaders
 * that a worker thread does not inherit. It engraves one job at a time and posts each page as it is drawn.
 */
const { parentPort, workerData } = require('node:worker_threads');
const verovio = require(workerData.verovio);

/** Same start-up signal as verovio-toolkit.ts: this build never sets calledRun, its exports appear when up. */
const started = () => verovio.module.calledRun === true || typeof verovio.module._malloc === 'function';
const ready = new Promise((resolve) => {
  const timer = setInterval(() => started() && (clearInterval(timer), resolve(undefined)), 10);
});

let toolkit;

/**
 * @param {{ id: number, musicXml: string, options: Record<string, unknown>, share: number, shares: number }} job
 *   pages are split in `shares` runs of consecutive pages; this worker draws run number `share`.
 */
async function engrave(job) {
  await ready;
  if (!toolkit) {
    verovio.enableLog(verovio.LOG_ERROR);
    verovio.enableLogToBuffer(true);
    toolkit = new verovio.toolkit();
  }
  toolkit.setOptions(job.options);
  const pageCount = toolkit.loadData(job.musicXml) ? toolkit.getPageCount() : 0;
  if (pageCount === 0) return parentPort?.postMessage({ id: job.id, kind: 'refused', log: toolkit.getLog().trim() });
  const first = Math.floor((pageCount * job.share) / job.shares) + 1;
  const last = Math.floor((pageCount * (job.share + 1)) / job.shares);
  parentPort?.postMessage({ id: job.id, kind: 'count', pageCount });
  for (let page = first; page <= last; page++) parentPort?.postMessage({ id: job.id, kind: 'page', page, svg: toolkit.renderToSVG(page) });
  parentPort?.postMessage({ id: job.id, kind: 'done' });
}

parentPort?.on('message', (job) => {
  engrave(job).catch((error) => parentPort?.postMessage({ id: job.id, kind: 'failed', message: String(error?.message ?? error) }));
});
