import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call } from '../test/support/http';
import { createApp } from './main';

/**
 * The whole app in this process without REDIS_URL, its limits counted by MemoryThrottlerStorage. (Its own file:
 * passport keeps strategies in one registry per module instance, so two apps in one Jest module would share one.)
 */
describe('rate limits without Redis', () => {
  it('should answer 429 with Retry-After past the per-minute limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bandpro-api-limited-'));
    const { app } = await createApp({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dir, RATE_LIMIT_PER_MINUTE: '3' });
    try {
      await app.listen(0, '127.0.0.1');
      const address = app.getHttpServer().address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await call(url, 'GET', '/api/v1/scores/01a215c5-6c05-7eea-8446-000000000999/info'));
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429]);
      expect(answers[3].body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
