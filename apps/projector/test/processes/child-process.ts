import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const TS_REGISTER = resolve(__dirname, '../../../../scripts/ts-register.js');

export interface ChildLine {
  [key: string]: unknown;
}

/** A TypeScript child process whose JSON stdout lines the test can wait for. */
export class TsChild {
  readonly lines: ChildLine[] = [];
  readonly process: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr = '';

  constructor(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
    this.process = spawn(process.execPath, ['-r', TS_REGISTER, script, ...args], {
      cwd: resolve(__dirname, '../../../..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    this.process.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete) if (line.trim()) this.lines.push(parse(line));
    });
    this.process.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((done) => this.process.on('exit', (code, signal) => done({ code, signal })));
  }

  /** Resolves with the first line (already seen or still to come) that matches. */
  async waitFor(match: (line: ChildLine) => boolean, timeoutMs = 15_000): Promise<ChildLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.find(match);
      if (found) return found;
      if (this.process.exitCode !== null || this.process.signalCode !== null || Date.now() > deadline) {
        throw new Error(`child never printed the line awaited; exit ${this.process.exitCode ?? this.process.signalCode}; stdout ${JSON.stringify(this.lines.slice(-5))}; stderr ${this.stderr.slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.process.kill(signal);
    return this.exited;
  }
}

function parse(line: string): ChildLine {
  try {
    return JSON.parse(line) as ChildLine;
  } catch {
    return { text: line };
  }
}
