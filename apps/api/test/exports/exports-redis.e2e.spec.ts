import Redis from 'ioredis';
import { unzipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import { signIn, type User } from '../support/accounts';
import { call } from '../support/http';
import { startApi, startProjector, tempDataDir, type RunningApi, type RunningProcess } from '../support/processes';
import { REDIS_URL, redisAvailable } from '../support/redis';
import { idsOf } from '../support/score-fixtures';

jest.setTimeout(120_000);

/** With REDIS_URL the API only queues; the projector's worker renders into the shared DATA_DIR, and the API serves the file. */
describe('exports over HTTP, rendered by the projector through Redis', () => {
  const data = tempDataDir();
  const prefix = `bandpro-test-api-exports-${randomUUID()}`;
  let available = false;
  let api: RunningApi | undefined;
  let projector: RunningProcess | undefined;
  let alice: User;

  beforeAll(async () => {
    available = await redisAvailable();
    if (!available) {
      process.stdout.write(`Exports through Redis: skipped (no Redis at ${REDIS_URL})\n`);
      return;
    }
    const env = { DATA_DIR: data.dir, REDIS_URL, EXPORT_QUEUE_PREFIX: prefix };
    [api, projector] = await Promise.all([startApi(env), startProjector(env)]);
    alice = await signIn(api.url, 'alice');
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), projector?.stop()]);
    data.remove();
    if (!available) return;
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('should queue in the API, render in the projector and download from the API', async () => {
    if (!api) return;
    const url = api.url;
    const created = await call(url, 'POST', '/api/v1/scores', { user: alice, body: { title: 'Blue Bossa', instrumentIds: ['trumpet-bb'], measureCount: 2 } });
    const { scoreId } = idsOf(created.body);
    const accepted = await call(url, 'POST', `/api/v1/scores/${scoreId}/exports`, { user: alice, body: { formats: ['musicxml', 'midi'] } });
    // The worker may have taken it already: what matters is that it was accepted, not how far it got.
    expect(accepted).toMatchObject({ status: 202, body: { status: expect.stringMatching(/^(queued|active|completed)$/) } });

    let body: Record<string, unknown> = {};
    for (const deadline = Date.now() + 60_000; body['status'] !== 'completed' && Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      body = (await call(url, 'GET', `/api/v1/exports/${accepted.body.exportId}`, { user: alice })).body;
      if (body['status'] === 'failed') throw new Error(`export failed: ${JSON.stringify(body)}\n${projector?.output()}`);
    }
    expect(body).toMatchObject({ status: 'completed', progress: 100, fileName: 'Blue Bossa.zip' });
    const download = await fetch(url + String(body['downloadUrl']));
    expect(download.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await download.arrayBuffer()))).sort()).toEqual(['Blue Bossa.mid', 'Blue Bossa.musicxml']);
  });
});
