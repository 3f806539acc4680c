import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { SharedStoreSettings } from './store-factory';

const TS_REGISTER = resolve(__dirname, '../../../../../scripts/ts-register.js');

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A store opened in another OS process, running one of the scripts in ../children. */
export class StoreChild {
  private static readonly running = new Set<StoreChild>();
  readonly lines: string[] = [];
  readonly exited: Promise<ChildExit>;
  private stderr = '';
  private readonly waiters = new Set<() => void>();
  private readonly process: ChildProcessWithoutNullStreams;

  constructor(script: string, settings: SharedStoreSettings, env: Record<string, string> = {}) {
    this.process = spawn(process.execPath, ['-r', TS_REGISTER, resolve(__dirname, '../children', script)], {
      env: { ...process.env, BANDPRO_STORE: JSON.stringify(settings), ...env },
    });
    createInterface({ input: this.process.stdout }).on('line', (line) => {
      this.lines.push(line);
      for (const wake of this.waiters) wake();
    });
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    StoreChild.running.add(this);
    this.exited = new Promise((done) => {
      this.process.on('exit', (code, signal) => {
        StoreChild.running.delete(this);
        for (const wake of this.waiters) wake();
        done({ code, signal });
      });
    });
  }

  /** Resolves once `count` printed lines match; fails with the child's stderr if it dies first. */
  async waitForLines(match: (line: string) => boolean, count = 1, timeoutMs = 30_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.filter(match);
      if (found.length >= count) return found;
      if (this.process.exitCode !== null || this.process.signalCode !== null || Date.now() > deadline) {
        throw new Error(`Child saw ${found.length}/${count} lines; stderr:\n${this.stderr}`);
      }
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, 100);
        this.waiters.add(() => {
          clearTimeout(timer);
          wake();
        });
      });
      this.waiters.clear();
    }
  }

  /** A line on the child's stdin: the start signal of scripts that wait for one. */
  send(line: string): void {
    this.process.stdin.write(`${line}\n`);
  }

  kill(signal: NodeJS.Signals): void {
    this.process.kill(signal);
  }

  /** For afterEach: a failed test must not leave children behind (Jest would wait on them). */
  static async killAll(): Promise<void> {
    const children = [...StoreChild.running];
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
  }

  get errors(): string {
    return this.stderr;
  }
}
