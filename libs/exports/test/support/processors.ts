import type { ExportProcessor, ExportRequest, StoredExport } from '../../src';

export const storedFor = (exportId: string): StoredExport => ({ key: `${exportId}.pdf`, fileName: 'Blue Bossa.pdf', contentType: 'application/pdf', size: 4 });

/** Waits until `probe` returns a value; the queues are asynchronous, the tests only wait for states. */
export async function until<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A processor that fails its first `failures` runs with `error`, then succeeds; it counts its runs. */
export function flakyProcessor(failures: number, error: () => Error = () => new Error('disk hiccup')): ExportProcessor & { runs: string[] } {
  const runs: string[] = [];
  const processor = async (exportId: string, _request: ExportRequest, onProgress: (p: number) => void | Promise<void>) => {
    runs.push(exportId);
    await onProgress(50);
    if (runs.length <= failures) throw error();
    return storedFor(exportId);
  };
  return Object.assign(processor, { runs });
}

/** A processor that reports `percent` and then waits for the test to let it finish. */
export function gatedProcessor(percent: number): { processor: ExportProcessor; release: () => void } {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const processor: ExportProcessor = async (exportId, _request, onProgress) => {
    await onProgress(percent);
    await gate;
    return storedFor(exportId);
  };
  return { processor, release: () => release() };
}
