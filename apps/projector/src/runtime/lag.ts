import type { EventStore } from '@bandpro/events';
import type { ReadModelStore } from '@bandpro/read-models';

export interface ProjectionLag {
  projection: string;
  /** Highest position in the event store. */
  head: number;
  /** Checkpoint of the generation readers see. */
  position: number;
  /** head − position: positions may have gaps, so this is an upper bound on events behind. */
  eventsBehind: number;
  /** When behind: now − recordedAt of the last applied event (of the first pending one before any); else 0. */
  secondsBehind: number;
}

/** Lag as readers experience it: measured on the active generation, from any instance. */
export async function measureLag(
  projection: string,
  events: EventStore,
  store: ReadModelStore,
  now: number,
): Promise<ProjectionLag> {
  const [head, checkpoint] = await Promise.all([events.headPosition(), store.checkpoint(projection)]);
  const eventsBehind = Math.max(0, head - checkpoint.position);
  let since = checkpoint.recordedAt;
  if (eventsBehind > 0 && since === null) {
    const [first] = await events.readAll({ afterPosition: checkpoint.position, limit: 1 });
    since = first?.metadata.recordedAt ?? null;
  }
  const secondsBehind = eventsBehind > 0 && since !== null ? Math.max(0, (now - Date.parse(since)) / 1000) : 0;
  return { projection, head, position: checkpoint.position, eventsBehind, secondsBehind };
}
