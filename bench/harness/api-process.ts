import { fork } from 'node:child_process';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { WORKSPACE_ROOT } from './child';

export interface ApiProcess {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/** The API as `npm start` runs it, on `dataDir`, with rate limits lifted; resolves once it listens. */
export function startApi(dataDir: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  return startServer('apps/api/src/main.ts', { NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '1000000', ...env });
}

/** A TypeScript HTTP server of this workspace that reports `{ type: 'listening', port }` over IPC, as the API does. */
export async function startServer(entry: string, env: Record<string, string>): Promise<ApiProcess> {
  const child = fork(join(WORKSPACE_ROOT, entry), [], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, ...env },
    // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": node options for the servers measured only.
    execArgv: [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '-r', join(WORKSPACE_ROOT, 'scripts/ts-register.js')],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: { type?: string; port?: number }) => m.type === 'listening' && m.port && resolve(m.port));
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, pid: child.pid as number, stop: async () => void (child.kill('SIGTERM'), await exited) };
}

export interface BandMember {
  userId: string;
  token: string;
}

/** A new account on the running API, signed in: its user id and an access token. */
export async function register(api: ApiProcess, name: string): Promise<BandMember> {
  const email = `${name}-${uuidv7()}@bench.example`;
  const response = await fetch(`${api.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery', displayName: name }),
  });
  const body = (await response.json()) as { userId: string; accessToken: string };
  if (!response.ok) throw new Error(`register ${name}: ${response.status} ${JSON.stringify(body)}`);
  return { userId: body.userId, token: body.accessToken };
}
