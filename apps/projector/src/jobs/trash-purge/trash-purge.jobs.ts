import { createAuditLog, type AuditLog } from '@bandpro/audit';
import type { EventStore, SnapshotStore } from '@bandpro/events';
import type { ReadModelStore } from '@bandpro/read-models';
import { BullModule, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import {
  Inject, Injectable, Logger, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider,
} from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { ProjectorConfig } from '../../config/projector.config';
import { createSnapshotStore } from '../../exports/export-worker';
import { EVENT_STORE, PROJECTOR_CONFIG, READ_MODEL_STORE } from '../../projector.tokens';
import { TrashPurger, type PurgeReport } from './trash-purger';

export const TRASH_PURGE = Symbol('TRASH_PURGE');
export const TRASH_PURGE_QUEUE = 'trash-purge';
const SCHEDULER_ID = 'trash-purge';
/** Without Redis, the projectors take turns under this read-model store lease. */
export const TRASH_PURGE_LEASE = 'trash-purge';

export enum TrashPurgeJobName {
  Purge = 'purge',
}

/** The purger and what it holds open (snapshots, the audit log), closed with the process. */
export class TrashPurgeService implements OnApplicationShutdown {
  private readonly logger = new Logger('TrashPurge');

  constructor(
    readonly purger: TrashPurger,
    private readonly snapshots: SnapshotStore,
    private readonly audit: AuditLog | undefined,
  ) {}

  /** One run; a failure is logged and the next run tries again. */
  async run(): Promise<PurgeReport | null> {
    try {
      const report = await this.purger.purgeDue();
      if (report.purged.length > 0) this.logger.log(`Purged ${report.purged.length} score(s) trashed before ${report.cutoff}: ${report.purged.join(', ')}`);
      return report;
    } catch (error) {
      this.logger.error(`The trash purge failed: ${String(error)}`);
      return null;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.snapshots.close();
    await this.audit?.close();
  }
}

/** The audit log beside the API's; when it cannot be opened the purge still runs, and says so. */
async function openAuditLog(config: ProjectorConfig): Promise<AuditLog | undefined> {
  try {
    return await createAuditLog({ dataDir: config.dataDir, mongodbUri: config.mongodbUri });
  } catch (error) {
    new Logger('TrashPurge').warn(`Purges will not be audited: ${String(error)}`);
    return undefined;
  }
}

/** BullMQ's job scheduler holds one schedule per id, however many projectors upsert it: one of them runs each job. */
@Processor(TRASH_PURGE_QUEUE)
export class TrashPurgeProcessor extends WorkerHost {
  constructor(@Inject(TRASH_PURGE) private readonly service: TrashPurgeService) {
    super();
  }

  async process(job: Job): Promise<PurgeReport | null> {
    const name = job.name as TrashPurgeJobName;
    switch (name) {
      case TrashPurgeJobName.Purge:
        return this.service.run();
      default: {
        const unknown: never = name;
        throw new Error(`No handler for trash-purge job ${String(unknown)}`);
      }
    }
  }
}

@Injectable()
export class TrashPurgeSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(TRASH_PURGE_QUEUE) private readonly queue: Queue,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(SCHEDULER_ID, { every: this.config.trashPurge.everyMs }, {
      name: TrashPurgeJobName.Purge,
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    });
  }
}

/** Without Redis: a timer in each projector, the store's lease letting one of them run at a time. */
@Injectable()
export class TrashPurgeTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();
  private readonly ownerId = `trash-purge-${randomUUID()}`;

  constructor(
    @Inject(TRASH_PURGE) private readonly service: TrashPurgeService,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.trashPurge.everyMs);
    this.timer.unref();
    void this.tick();
  }

  /** One run if no other projector is running one; null when it was. */
  tick(): Promise<PurgeReport | null> {
    const run = this.runUnderLease();
    this.running = run;
    return run;
  }

  private async runUnderLease(): Promise<PurgeReport | null> {
    const { everyMs } = this.config.trashPurge;
    try {
      if (!(await this.store.tryAcquireLease(TRASH_PURGE_LEASE, this.ownerId, everyMs))) return null;
    } catch {
      return null;
    }
    try {
      return await this.service.run();
    } finally {
      await this.store.releaseLease(TRASH_PURGE_LEASE, this.ownerId).catch(() => undefined);
    }
  }

  /** Before the stores close: no new run, and the one under way finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running.catch(() => undefined);
  }
}

function redisOptionsOf(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    db: Number(parsed.pathname.slice(1) || 0),
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** BullMQ's module and queue when REDIS_URL is set; nothing otherwise. */
export function trashPurgeImports(config: ProjectorConfig): DynamicModule[] {
  if (!config.redisUrl) return [];
  return [
    BullModule.forRoot({ connection: redisOptionsOf(config.redisUrl), prefix: config.trashPurge.queuePrefix }),
    BullModule.registerQueue({ name: TRASH_PURGE_QUEUE }),
  ];
}

export function trashPurgeProviders(config: ProjectorConfig, now: () => number = Date.now): Provider[] {
  const service: Provider = {
    provide: TRASH_PURGE,
    inject: [EVENT_STORE, READ_MODEL_STORE],
    useFactory: async (events: EventStore, readModels: ReadModelStore) => {
      const [snapshots, audit] = await Promise.all([createSnapshotStore(config), openAuditLog(config)]);
      const purger = new TrashPurger({ events, readModels, snapshots, audit, retentionDays: config.trashPurge.retentionDays, now });
      return new TrashPurgeService(purger, snapshots, audit);
    },
  };
  return config.redisUrl ? [service, TrashPurgeProcessor, TrashPurgeSchedule] : [service, TrashPurgeTimer];
}
