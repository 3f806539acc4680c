import type { EventStore } from '@bandpro/events';
import type { ReadModelStore } from '@bandpro/read-models';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ProjectorConfig } from './config/projector.config';
import type { AnyProjection } from './projection/projection';
import { EVENT_STORE, PROJECTIONS, PROJECTOR_CONFIG, READ_MODEL_STORE } from './projector.tokens';
import type { ProjectionLag } from './runtime/lag';
import { ProjectionRunner } from './runtime/projection-runner';
import { SharedFeed } from './runtime/shared-feed';

/** Runs one ProjectionRunner per projection for the life of the process, and reports their lag. */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly runners: readonly ProjectionRunner[];
  private readonly logger = new Logger('Projector');
  private lagTimer?: NodeJS.Timeout;

  constructor(
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(PROJECTIONS) projections: readonly AnyProjection[],
  ) {
    const { batchSize, pollIntervalMs, busyPollMs, maxPollIntervalMs, leaseTtlMs } = config;
    const feed = new SharedFeed(events);
    this.runners = projections.map(
      (projection) =>
        new ProjectionRunner({ projection, events: feed, store, batchSize, pollIntervalMs, busyPollMs, maxPollIntervalMs, leaseTtlMs, logger: new Logger(`Projector ${projection.name}`) }),
    );
  }

  onApplicationBootstrap(): void {
    for (const runner of this.runners) runner.start();
    this.logger.log(`Running ${this.runners.map((r) => r.name).join(', ')} as ${this.runners[0]?.ownerId ?? 'nobody'}`);
    if (this.config.lagLogIntervalMs > 0) {
      this.lagTimer = setInterval(() => void this.logLag(), this.config.lagLogIntervalMs);
      this.lagTimer.unref();
    }
  }

  lag(): Promise<ProjectionLag[]> {
    return Promise.all(this.runners.map((runner) => runner.lag()));
  }

  async logLag(): Promise<void> {
    try {
      for (const lag of await this.lag()) {
        const runner = this.runners.find((r) => r.name === lag.projection);
        this.logger.log(`${lag.projection} [${runner?.state}]: ${lag.eventsBehind} events behind (${lag.secondsBehind.toFixed(1)} s), at ${lag.position} of ${lag.head}`);
      }
    } catch (error) {
      this.logger.warn(`Lag unavailable: ${(error as Error).message}`);
    }
  }

  /** Stops the runners first (each finishes its batch and frees its lease), then the stores. */
  async onApplicationShutdown(signal?: string): Promise<void> {
    clearInterval(this.lagTimer);
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.store.close();
    await this.events.close();
    this.logger.log(`Stopped${signal ? ` on ${signal}` : ''}`);
  }
}
