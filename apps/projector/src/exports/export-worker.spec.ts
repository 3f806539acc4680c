import 'reflect-metadata';
import { createScore, M, OWNER_ID, run, SCORE_ID } from '@bandpro/domain/testing';
import type { EventStore } from '@bandpro/events';
import { BullMqExportQueue, type ExportStatus } from '@bandpro/exports';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { unzipSync } from 'fflate';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProjectorConfig } from '../config/projector.config';
import { ProjectorModule } from '../projector.module';
import { EVENT_STORE } from '../projector.tokens';
import { dropPrefix, redisAvailable, REDIS_URL } from '../../test/fixtures/redis';
import { EXPORT_WORKER } from './export-worker';

jest.setTimeout(60_000);

async function removePrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  await dropPrefix(redis, `${prefix}:`);
  await redis.quit();
}

describe('the export worker in the projector', () => {
  let dataDir: string;
  let app: INestApplicationContext | undefined;

  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'bandpro-projector-exports-'))));
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should not start without REDIS_URL (the API then renders exports itself)', async () => {
    app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(loadProjectorConfig({ DATA_DIR: dataDir }), []), { logger: false });
    expect(() => app?.get(EXPORT_WORKER)).toThrow();
  });

  it('should render a job the API queued in Redis from the score at the version asked, and store it where the API serves it', async () => {
    if (!(await redisAvailable())) {
      process.stdout.write(`Projector export worker: skipped (no Redis at ${REDIS_URL})\n`);
      return;
    }
    const prefix = `bandpro-test-projector-exports-${randomUUID()}`;
    const env = { DATA_DIR: dataDir, REDIS_URL, EXPORT_QUEUE_PREFIX: prefix };
    app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(loadProjectorConfig(env), []), { logger: false });
    const { events } = run([createScore({ title: 'Blue Bossa', measureIds: M.slice(0, 2) })]);
    await app.get<EventStore>(EVENT_STORE).append(SCORE_ID, events, { expectedVersion: 'no_stream', commandId: 'c1', actor: { id: OWNER_ID, kind: 'user' } });

    // The API's side: the same queue class, on the same prefix.
    const queue = new BullMqExportQueue({ redisUrl: REDIS_URL, prefix });
    try {
      const request = { scoreId: SCORE_ID, version: 1, formats: ['musicxml', 'midi'] as const, parts: 'score' as const, concertPitch: false, pageSize: 'A4' as const };
      const { exportId } = await queue.enqueue({ ...request, formats: [...request.formats] });
      let status: ExportStatus | undefined;
      for (const deadline = Date.now() + 30_000; status?.state !== 'completed' && Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
        status = await queue.status(exportId);
        if (status?.state === 'failed') throw new Error(`export failed: ${status.errorCode}`);
      }
      expect(status).toMatchObject({ state: 'completed', progress: 100, result: { key: `${exportId}.zip`, fileName: 'Blue Bossa.zip' } });
      const zip = unzipSync(readFileSync(join(dataDir, 'exports', `${exportId}.zip`)));
      expect(Object.keys(zip).sort()).toEqual(['Blue Bossa.mid', 'Blue Bossa.musicxml']);
      expect(Buffer.from(zip['Blue Bossa.musicxml']).toString()).toContain('Blue Bossa');
    } finally {
      await queue.close();
      await removePrefix(prefix);
    }
  });
});
