import * as verovio from 'verovio';

let toolkit: Promise<verovio.VerovioToolkit> | undefined;

function runtimeReady(): Promise<void> {
  if (verovio.module.calledRun) return Promise.resolve();
  return new Promise((resolve) => {
    const previous = verovio.module.onRuntimeInitialized;
    verovio.module.onRuntimeInitialized = () => {
      previous?.();
      resolve();
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
