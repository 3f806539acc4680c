import 'reflect-metadata';
import { AUDIT_SQLITE_FILE_NAME, SqliteAuditLog } from '@bandpro/audit';
import type { EventStore } from '@bandpro/events';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { loadProjectorConfig } from '../src/config/projector.config';
import { TRASH_PURGE_QUEUE } from '../src/jobs/trash-purge/trash-purge.jobs';
import { ProjectorModule } from '../src/projector.module';
import { EVENT_STORE } from '../src/projector.tokens';
import { eventually } from './fixtures/runner-harness';
import { scoreIdOf, user } from './fixtures/people-world';
import { REDIS_URL, redisAvailable } from './fixtures/redis';
import { cmd, createScore, run } from '@bandpro/domain/testing';

jest.setTimeout(30_000);

const DAY = 24 * 60 * 60 * 1000;

/** A score created and trashed now, in the store the projector reads. */
async function trashedScore(events: EventStore, scoreId: string): Promise<void> {
  const { metadata, data } = createScore({ scoreId });
  const [created] = run([cmd('CreateScore', data, { ...metadata, actor: user('ann') })]).events;
  await events.append(scoreId, [created], { expectedVersion: 'no_stream', commandId: uuidv7(), actor: user('ann') });
  await events.append(`score-lifecycle-${scoreId}`, [{ type: 'ScoreTrashed', data: { scoreId } }], { expectedVersion: 'no_stream', commandId: uuidv7(), actor: user('ann') });
}

async function lifecycleTypes(events: EventStore, scoreId: string): Promise<string[]> {
  const types: string[] = [];
  for await (const event of events.readStream(`score-lifecycle-${scoreId}`)) types.push(event.type);
  return types;
}

describe('the trash purge job in the projector', () => {
  let dataDir: string;
  let apps: INestApplicationContext[];
  // 31 days from now: whatever is trashed during the test is due.
  const later = () => Date.now() + 31 * DAY;
  const start = async (env: Record<string, string>) => {
    const config = { ...loadProjectorConfig({ DATA_DIR: dataDir, TRASH_PURGE_EVERY_MS: '1000', ...env }), pollIntervalMs: 5, lagLogIntervalMs: 0 };
    const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(config, undefined, { now: later }), { logger: false });
    apps.push(app);
    return app;
  };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'bandpro-trash-purge-'));
    apps = [];
  });

  afterEach(async () => {
    for (const app of apps) await app.close();
    Logger.overrideLogger(false);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should purge a score trashed 30 days before its clock on a timer without Redis, and audit it', async () => {
    const app = await start({});
    const events = app.get<EventStore>(EVENT_STORE);
    const scoreId = scoreIdOf(1);
    await trashedScore(events, scoreId);

    await eventually(async () => (await lifecycleTypes(events, scoreId)).includes('ScorePurged'), 15_000);

    expect(await lifecycleTypes(events, scoreId)).toEqual(['ScoreTrashed', 'ScorePurged']);
    const audit = new SqliteAuditLog({ filename: join(dataDir, AUDIT_SQLITE_FILE_NAME) });
    expect((await audit.query({ limit: 10, action: 'score.purged' })).records).toEqual([expect.objectContaining({ scoreId, actor: { id: 'trash-purge', kind: 'system' } })]);
    await audit.close();
  });

  it('should run it as one BullMQ job scheduler shared by two projectors, purging once', async () => {
    if (!(await redisAvailable())) return void process.stdout.write(`Trash purge over BullMQ: skipped (no Redis at ${REDIS_URL})\n`);
    const prefix = `bandpro-test-${uuidv7()}`;
    const env = { REDIS_URL, TRASH_PURGE_QUEUE_PREFIX: prefix };
    const [first] = [await start(env), await start(env)];
    const events = first.get<EventStore>(EVENT_STORE);
    const scoreId = scoreIdOf(2);
    await trashedScore(events, scoreId);
    const queue = new Queue(TRASH_PURGE_QUEUE, { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix });
    try {
      expect(await queue.getJobSchedulers()).toEqual([expect.objectContaining({ key: 'trash-purge', every: 1000, name: 'purge' })]);
      await eventually(async () => (await lifecycleTypes(events, scoreId)).includes('ScorePurged'), 15_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await lifecycleTypes(events, scoreId)).toEqual(['ScoreTrashed', 'ScorePurged']);
    } finally {
      for (const app of apps.splice(0)) await app.close();
      await queue.obliterate({ force: true });
      await queue.close();
      await (await queue.client).quit();
    }
  });
});

