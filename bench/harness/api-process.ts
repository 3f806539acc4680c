import { fork } from 'node:child_process';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './child';

export interface ApiProcess {
  url: string;
  stop: () => Promise<void>;
}

/** The API as `npm start` runs it, on `dataDir`, with rate limits lifted; resolves once it listens. */
export async function startApi(dataDir: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const child = fork(join(WORKSPACE_ROOT, 'apps/api/src/main.ts'), [], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '1000000', ...env },
    execArgv: ['-r', join(WORKSPACE_ROOT, 'scripts/ts-register.js')],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: { type?: string; port?: number }) => m.type === 'listening' && m.port && resolve(m.port));
    child.once('exit', (code) => reject(new Error(`API exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, stop: async () => void (child.kill('SIGTERM'), await exited) };
}
