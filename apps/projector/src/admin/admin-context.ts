import { createEventStore, type EventStore } from '@bandpro/events';
import { createReadModelStore, type ReadModelStore } from '@bandpro/read-models';
import type { ProjectorConfig } from '../config/projector.config';
import type { AnyProjection } from '../projection/projection';
import { SCORE_PROJECTIONS } from '../projections/score-projections';

/** What the admin commands work on: the projector's own stores and projections, without its runners. */
export interface AdminContext {
  events: EventStore;
  store: ReadModelStore;
  projections: readonly AnyProjection[];
  config: Pick<ProjectorConfig, 'batchSize' | 'leaseTtlMs'>;
}

export async function openAdminContext(config: ProjectorConfig, projections: readonly AnyProjection[] = SCORE_PROJECTIONS): Promise<AdminContext> {
  const stores = { mongodbUri: config.mongodbUri, dataDir: config.dataDir };
  const events = await createEventStore(stores);
  try {
    return { events, store: await createReadModelStore(stores), projections, config };
  } catch (error) {
    await events.close();
    throw error;
  }
}

export async function closeAdminContext(context: AdminContext): Promise<void> {
  await Promise.allSettled([context.store.close(), context.events.close()]);
}
