import { median } from '../harness/stats';
import { repeat, type SuiteContext } from '../harness/suite';

export interface Timed<R> {
  result: R;
  wallMs: number;
  /** CPU this process spent (user + system): on a shared machine it shows how much of the wall time was waiting. */
  cpuMs: number;
}

export async function timed<R>(work: () => R | Promise<R>): Promise<Timed<R>> {
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const result = await work();
  const wallMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  return { result, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * One untimed run (JIT, Verovio's WebAssembly start-up), then `context.runs` timed ones, each checked by
 * `check` so a figure never describes work that went wrong. Returns the medians and the last result.
 */
export async function measure<R>(
  context: SuiteContext,
  label: string,
  work: () => R | Promise<R>,
  check: (result: R) => void,
): Promise<{ wallMs: number; cpuMs: number; result: R }> {
  context.progress(`${label}: warm-up run`);
  check(await work());
  const runs = await repeat(context, label, async () => {
    const run = await timed(work);
    check(run.result);
    return run;
  });
  return { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)), result: runs[runs.length - 1].result };
}
