import { measureLag } from '../runtime/lag';
import type { AdminContext } from './admin-context';

export interface ProjectionStatus {
  projection: string;
  /** The generation readers see; undefined before the first build. */
  generation?: number;
  /** The code version that built it, and the one this code has: they differ until a rebuild. */
  builtBy?: number;
  version: number;
  checkpoint: number;
  head: number;
  /** head − checkpoint: positions may have gaps, so an upper bound on events behind. */
  lag: number;
  secondsBehind: number;
  /** Who runs it now, if anyone holds its lease. */
  leaseHolder?: string;
  deadLetters: number;
}

/** Each projection's checkpoint, the feed's head and the lag between them, as readers experience it. */
export async function status(context: AdminContext, now: number = Date.now()): Promise<ProjectionStatus[]> {
  const { events, store, projections } = context;
  return Promise.all(
    projections.map(async (projection) => {
      const [lag, active, holder, letters] = await Promise.all([
        measureLag(projection.name, events, store, now),
        store.activeGeneration(projection.name),
        store.leaseHolder(projection.name),
        store.listDeadLetters(projection.name),
      ]);
      const live = holder && holder.expiresAt > now ? holder.ownerId : undefined;
      return {
        projection: projection.name,
        generation: active?.generation,
        builtBy: active?.version,
        version: projection.version,
        checkpoint: lag.position,
        head: lag.head,
        lag: lag.eventsBehind,
        secondsBehind: lag.secondsBehind,
        leaseHolder: live,
        deadLetters: letters.length,
      };
    }),
  );
}
