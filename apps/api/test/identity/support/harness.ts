import { randomUUID } from 'node:crypto';
import { decide, initialScoreState } from '@bandpro/domain';
import { createEventStore } from '@bandpro/events';
import { signIn, type User } from '../../support/accounts';
import { call as request } from '../../support/http';
import { startApi, tempDataDir, TEST_JWT_SECRET } from '../../support/processes';

export type { User } from '../../support/accounts';
export const JWT_SECRET = TEST_JWT_SECRET;

export interface RunningApp {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The real API (main.ts) as a child process on its own SQLite file in a temp folder, without Redis or MongoDB. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const data = tempDataDir();
  const api = await startApi({ DATA_DIR: data.dir, ...env });
  return {
    url: api.url,
    dataDir: data.dir,
    async stop() {
      await api.stop();
      data.remove();
    },
  };
}

export interface Reply {
  status: number;
  body: Record<string, unknown> & { code?: string };
}

export interface Call {
  token?: string;
  apiKey?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export async function call(app: RunningApp, method: string, path: string, options: Call = {}): Promise<Reply> {
  const user = options.token === undefined ? undefined : { accessToken: options.token };
  const { status, body } = await request(app.url, method, path, { user, apiKey: options.apiKey, headers: options.headers, body: options.body });
  return { status, body: (body ?? {}) as Reply['body'] };
}

/** A new account, registered and logged in through the API (the one sign-in the whole test suite uses). */
export function register(app: RunningApp, name: string): Promise<User> {
  return signIn(app.url, name);
}

/**
 * Writes a ScoreCreated straight into the app's SQLite store (the store serves several processes), so these
 * tests need no score routes. The owner is the command's actor, as when the API creates a score.
 */
export async function createScoreAs(app: RunningApp, ownerId: string, kind: 'user' | 'api-key' = 'user'): Promise<string> {
  const scoreId = randomUUID();
  const events = decide(
    {
      type: 'CreateScore',
      data: { scoreId, title: 'Shared tune', parts: [{ partId: randomUUID(), instrumentId: 'trumpet-bb' }], measureIds: [randomUUID()] },
      metadata: { actor: { id: ownerId, kind }, at: new Date().toISOString() },
    },
    initialScoreState(),
  );
  const store = await createEventStore({ dataDir: app.dataDir });
  try {
    await store.append(scoreId, events, { expectedVersion: 'no_stream', commandId: randomUUID(), actor: { id: ownerId, kind } });
  } finally {
    await store.close();
  }
  return scoreId;
}
