import 'reflect-metadata';
import type { EventStore } from '@bandpro/events';
import { READ_MODELS_SQLITE_FILE_NAME, SqliteReadModelStore, type ReadModelStore } from '@bandpro/read-models';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProjectorConfig } from '../src/config/projector.config';
import { ProjectorModule } from '../src/projector.module';
import { ProjectorService } from '../src/projector.service';
import { EVENT_STORE, READ_MODEL_STORE } from '../src/projector.tokens';
import { eventually } from './fixtures/runner-harness';
import { appendTally, counted, tallyProjection, type TallyDoc } from './fixtures/tally.projection';

describe('ProjectorModule', () => {
  let dataDir: string;
  let app: INestApplicationContext;
  let logged: string[];

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bandpro-projector-module-'));
    logged = [];
    const config = { ...loadProjectorConfig({ DATA_DIR: dataDir }), pollIntervalMs: 5, lagLogIntervalMs: 20 };
    const logger = { log: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
    app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(config, [tallyProjection]), { logger });
  });

  afterEach(() => {
    Logger.overrideLogger(false);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should run every projection on SQLite under DATA_DIR, log its lag, and stop cleanly', async () => {
    const events = app.get<EventStore>(EVENT_STORE);
    const store = app.get<ReadModelStore>(READ_MODEL_STORE);
    const service = app.get(ProjectorService);
    await appendTally(events, counted('a', 2), counted('a', 3));

    await eventually(async () => (await store.get<TallyDoc>('tally', 'a'))?.total === 5);
    expect(await service.lag()).toEqual([expect.objectContaining({ projection: 'tally', eventsBehind: 0, secondsBehind: 0 })]);
    await eventually(() => logged.some((line) => /tally \[running\]: 0 events behind \(0\.0 s\), at 2 of 2/.test(line)));
    const owner = service.runners[0].ownerId;
    expect(await store.leaseHolder('tally')).toMatchObject({ ownerId: owner });

    await app.close();

    expect(service.runners.map((runner) => runner.state)).toEqual(['stopped']);
    expect(logged).toContainEqual('Stopped');
    await expect(store.get('tally', 'a')).rejects.toMatchObject({ code: 'READ_MODEL_STORE_UNAVAILABLE' });
    const reopened = new SqliteReadModelStore({ filename: join(dataDir, READ_MODELS_SQLITE_FILE_NAME) });
    expect(await reopened.leaseHolder('tally')).toBeUndefined();
    expect(await reopened.get('tally', 'a')).toMatchObject({ total: 5 });
    await reopened.close();
  });
});
