import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '..', '..');
const TS_REGISTER = join(WORKSPACE_ROOT, 'scripts', 'ts-register.js');

export interface TsChild {
  process: ChildProcess;
  /** The last lines the child wrote (stdout and stderr), for failure messages. */
  tail(): string;
  exited: Promise<number | null>;
}

const TAIL_LINES = 40;

/** Starts a TypeScript entry point of this workspace the way `npm start` and the tests do. */
export function spawnTs(entry: string, env: NodeJS.ProcessEnv): TsChild {
  const child = spawn(process.execPath, ['-r', TS_REGISTER, join(WORKSPACE_ROOT, entry)], {
    cwd: WORKSPACE_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - TAIL_LINES));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, tail: () => lines.join('\n'), exited };
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
export async function stopChild(child: TsChild, graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/**
 * CPU time (user + system) a live process has used so far, in microseconds (Linux /proc, clock ticks): all its
 * threads, or with `mainThread` only the one that runs its JavaScript (the event loop; its thread id is the pid).
 */
export function cpuTimeUs(pid: number, mainThread = false): number {
  const stat = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS_PER_S;
}

/** USER_HZ, which Linux fixes at 100 for /proc on every architecture Node runs on. */
const CLOCK_TICKS_PER_S = 100;

/** Peak resident set size of a live process so far (Linux VmHWM), in MiB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`No VmHWM in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}
