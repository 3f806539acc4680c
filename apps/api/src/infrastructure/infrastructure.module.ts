import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, MongoSnapshotStore, SQLITE_FILE_NAME, SqliteSnapshotStore, type EventStore, type SnapshotStore } from '@bandpro/events';
import { createReadModelStore, type ReadModelStore } from '@bandpro/read-models';
import Redis from 'ioredis';
import { join } from 'node:path';
import type { ApiConfig } from '../config/api.config';
import { loadPersonalDataConfig } from '../gdpr/personal-data/personal-data.config';
import { createSealingEventStore, PERSONAL_DATA, personalDataOf } from '../gdpr/personal-data/sealing-event-store';
import type { Cache } from './cache/cache.port';
import { MemoryCache } from './cache/memory-cache';
import { RedisCache } from './cache/redis-cache';
import { createScoreLoader } from './score-loader';
import { StreamFolds } from './stream-folds';
import { API_CONFIG, CACHE, EVENT_STORE, READ_MODEL_STORE, REDIS, SCORE_LOADER, SNAPSHOT_STORE } from './tokens';

async function createSnapshotStore(config: ApiConfig): Promise<SnapshotStore> {
  if (!config.mongodbUri) return new SqliteSnapshotStore(join(config.dataDir, SQLITE_FILE_NAME));
  const { default: mongoose } = await import('mongoose');
  const connection = await mongoose.createConnection(config.mongodbUri).asPromise();
  return new MongoSnapshotStore(connection);
}

function createRedis(config: ApiConfig): Redis | null {
  if (!config.redisUrl) return null;
  return new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
}

/** The stores every module uses: one event store, its snapshots, the read models, and Redis when configured. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(SNAPSHOT_STORE) private readonly snapshots: SnapshotStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: API_CONFIG, useValue: config },
        {
          provide: EVENT_STORE,
          useFactory: async () => createSealingEventStore(
              await createEventStore({ dataDir: config.dataDir, mongodbUri: config.mongodbUri, writerThread: config.sqliteWriterThread }),
              loadPersonalDataConfig(process.env, config),
            ),
        },
        { provide: PERSONAL_DATA, inject: [EVENT_STORE], useFactory: personalDataOf },
        { provide: SNAPSHOT_STORE, useFactory: () => createSnapshotStore(config) },
        { provide: READ_MODEL_STORE, useFactory: () => createReadModelStore({ dataDir: config.dataDir, mongodbUri: config.mongodbUri }) },
        {
          provide: SCORE_LOADER,
          inject: [EVENT_STORE, SNAPSHOT_STORE],
          useFactory: (events: EventStore, snapshots: SnapshotStore) => createScoreLoader(events, snapshots, config.snapshotEvery),
        },
        { provide: REDIS, useFactory: () => createRedis(config) },
        { provide: CACHE, inject: [REDIS], useFactory: (redis: Redis | null): Cache => (redis ? new RedisCache(redis) : new MemoryCache()) },
        { provide: StreamFolds, inject: [EVENT_STORE], useFactory: (events: EventStore) => new StreamFolds(events) },
      ],
      exports: [API_CONFIG, EVENT_STORE, PERSONAL_DATA, SNAPSHOT_STORE, READ_MODEL_STORE, SCORE_LOADER, REDIS, CACHE, StreamFolds],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.events.close(), this.snapshots.close(), this.readModels.close(), this.redis?.quit()]);
  }
}
