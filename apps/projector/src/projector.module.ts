import { createEventStore } from '@bandpro/events';
import { createReadModelStore } from '@bandpro/read-models';
import { Module, type DynamicModule } from '@nestjs/common';
import type { ProjectorConfig } from './config/projector.config';
import { exportWorkerProviders } from './exports/export-worker';
import { redisCacheProviders } from './jobs/redis-caches/redis-cache.service';
import { trashPurgeImports, trashPurgeProviders } from './jobs/trash-purge/trash-purge.jobs';
import type { AnyProjection } from './projection/projection';
import { SCORE_PROJECTIONS } from './projections/score-projections';
import { ProjectorService } from './projector.service';
import { EVENT_STORE, PROJECTIONS, PROJECTOR_CONFIG, READ_MODEL_STORE } from './projector.tokens';

export interface ProjectorOptions {
  /** The purge job's clock (tests move it by days). */
  now?: () => number;
}

/** The projector process: the two stores, the projections and the service that runs them, the export worker, the trash purge and (with Redis) the caches the API reads. */
@Module({})
export class ProjectorModule {
  static forRoot(config: ProjectorConfig, projections: readonly AnyProjection[] = SCORE_PROJECTIONS, options: ProjectorOptions = {}): DynamicModule {
    const stores = { mongodbUri: config.mongodbUri, dataDir: config.dataDir };
    return {
      module: ProjectorModule,
      imports: [...trashPurgeImports(config)],
      providers: [
        { provide: PROJECTOR_CONFIG, useValue: config },
        { provide: PROJECTIONS, useValue: projections },
        { provide: EVENT_STORE, useFactory: () => createEventStore(stores) },
        { provide: READ_MODEL_STORE, useFactory: () => createReadModelStore(stores) },
        ProjectorService,
        ...exportWorkerProviders(config),
        ...trashPurgeProviders(config, options.now),
        ...redisCacheProviders(config),
      ],
      exports: [ProjectorService, EVENT_STORE, READ_MODEL_STORE],
    };
  }
}
