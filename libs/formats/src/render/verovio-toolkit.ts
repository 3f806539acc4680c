import * as verovio from 'verovio';

let toolkit: Promise<verovio.VerovioToolkit> | undefined;

/*
 * This Verovio build never sets `module.calledRun`, and announces its runtime only once, soon after it loads:
 * a process asking later (a server's first export, a test file loaded after another) would wait forever for
 * the announcement. Its exports (`_malloc`) appear when the runtime is up, so they are the signal we check.
 */
function started(): boolean {
  return verovio.module.calledRun === true || typeof verovio.module._malloc === 'function';
}

function runtimeReady(): Promise<void> {
  if (started()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setInterval(() => started() && done(), 10);
    const previous = verovio.module.onRuntimeInitialized;
    const done = () => {
      clearInterval(timer);
      resolve();
    };
    verovio.module.onRuntimeInitialized = () => {
      previous?.();
      done();
    };
  });
}

/**
 * The one Verovio toolkit of this process, created when first asked for: the WASM runtime takes a while to
 * start and holds the whole engraver in memory, so every render reuses it. Verovio's log goes to a buffer
 * (read back for error messages) instead of the console.
 */
export function verovioToolkit(): Promise<verovio.VerovioToolkit> {
  toolkit ??= runtimeReady().then(() => {
    verovio.enableLog(verovio.LOG_ERROR);
    verovio.enableLogToBuffer(true);
    return new verovio.toolkit();
  });
  return toolkit;
}
