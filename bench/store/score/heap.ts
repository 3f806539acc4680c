import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full collection, so a heap delta measures what is still referenced rather than garbage that
 * happens to be waiting. The bench runs without --expose-gc, so the flag is set at run time.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Bytes of heap still referenced after `work`, measured between two full collections. */
export async function retainedHeapBytes(work: () => Promise<unknown>): Promise<number> {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept = await work();
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  // `kept` stays reachable until here so its result counts, as a caller would hold it.
  void kept;
  return after - before;
}
