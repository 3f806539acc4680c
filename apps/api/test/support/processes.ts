import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
const REGISTER = join(ROOT, 'scripts', 'ts-register.js');

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export interface RunningApi extends RunningProcess {
  url: string;
}

export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bandpro-api-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function launch(entry: string, env: Record<string, string>): RunningProcess {
  const child = fork(join(ROOT, entry), [], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', ...env },
    execArgv: ['-r', REGISTER],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Every API process of a test signs and verifies with this, so a token from one is good on the others. */
export const TEST_JWT_SECRET = 'api-e2e-secret-that-is-long-enough-0123456789';

/** The API (main.ts) as a child process on a free port; resolves once it listens. */
export async function startApi(env: Record<string, string>): Promise<RunningApi> {
  const running = launch('apps/api/src/main.ts', { PORT: '0', JWT_SECRET: TEST_JWT_SECRET, ...env });
  const port = await new Promise<number>((resolve, reject) => {
    running.child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type === 'listening' && message.port) resolve(message.port);
    });
    running.child.once('exit', (code) => reject(new Error(`API exited with ${code}:\n${running.output()}`)));
  });
  return { ...running, url: `http://127.0.0.1:${port}` };
}

export async function startProjector(env: Record<string, string>): Promise<RunningProcess> {
  const running = launch('apps/projector/src/main.ts', { PROJECTOR_POLL_MS: '20', PROJECTOR_MAX_POLL_MS: '100', PROJECTOR_LAG_LOG_MS: '0', ...env });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/active at position/.test(running.output())) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    running.child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`Projector exited with ${code}:\n${running.output()}`));
    });
  });
  return running;
}
