import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@bandpro/events';
import type { ReadModelStore } from '@bandpro/read-models';
import type Redis from 'ioredis';
import { EVENT_STORE, READ_MODEL_STORE, REDIS } from '../infrastructure/tokens';
import { SCORE_PROJECTIONS } from '../scores/queries/projections';

/** Beyond this many events behind, reads are too stale to call the API ready. */
export const MAX_PROJECTOR_LAG = 10_000;

@Injectable()
export class ApiHealthIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  async eventStore() {
    const session = this.health.check('eventStore');
    try {
      return session.up({ headPosition: await this.store.headPosition() });
    } catch {
      return session.down({ message: 'The event store does not answer' });
    }
  }

  async redisServer() {
    const session = this.health.check('redis');
    if (!this.redis) return session.up({ configured: false });
    try {
      await this.redis.ping();
      return session.up({ configured: true });
    } catch {
      return session.down({ message: 'Redis does not answer' });
    }
  }

  /** Lag of the read models the API serves: event head minus each projection's checkpoint. */
  async projectorLag() {
    const session = this.health.check('projector');
    try {
      const head = await this.store.headPosition();
      const checkpoints = await Promise.all(SCORE_PROJECTIONS.map((name) => this.readModels.checkpoint(name)));
      const lag = Object.fromEntries(SCORE_PROJECTIONS.map((name, i) => [name, Math.max(0, head - checkpoints[i].position)]));
      const worst = Math.max(...Object.values(lag));
      return worst > MAX_PROJECTOR_LAG ? session.down({ eventsBehind: lag }) : session.up({ eventsBehind: lag });
    } catch {
      return session.down({ message: 'The read models do not answer' });
    }
  }
}
