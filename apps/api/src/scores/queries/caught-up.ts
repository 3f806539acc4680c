import type { EventStore } from '@bandpro/events';
import type { ReadModelCheckpoint, ReadModelStore } from '@bandpro/read-models';
import { setTimeout as sleep } from 'node:timers/promises';

export interface CatchUpOptions {
  /** Beyond this the query answers from what the read model has (a stopped projector must not hang reads). */
  timeoutMs?: number;
  pollMs?: number;
}

/**
 * Read your writes: waits until `projection` has applied every event appended before the query
 * arrived, so a list right after a trash or an invitation shows it. Answers at once when no
 * projector ever built the projection, and after `timeoutMs` with whatever it has.
 */
export async function caughtUp(readModels: ReadModelStore, events: Pick<EventStore, 'headPosition'>, projection: string, options: CatchUpOptions = {}): Promise<ReadModelCheckpoint> {
  const { timeoutMs = 2_000, pollMs = 10 } = options;
  const [head, first] = await Promise.all([events.headPosition(), readModels.checkpoint(projection)]);
  if (first.position >= head || !(await readModels.activeGeneration(projection))) return first;
  const deadline = Date.now() + timeoutMs;
  let checkpoint = first;
  while (checkpoint.position < head && Date.now() < deadline) {
    await sleep(pollMs);
    checkpoint = await readModels.checkpoint(projection);
  }
  return checkpoint;
}
