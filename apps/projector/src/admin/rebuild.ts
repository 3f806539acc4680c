import { ProjectionRunner } from '../runtime/projection-runner';
import type { GenerationSwap } from '../runtime/projection-worker';
import type { AdminContext } from './admin-context';
import { UnknownProjectionError } from './admin-errors';

export interface RebuildReport extends GenerationSwap {
  projection: string;
  events: number;
  seconds: number;
}

/**
 * Rebuilds one projection from position 0 with the runtime's own rebuild-and-swap: readers keep the
 * old generation until the new one is complete. It needs the projection's lease, so while a
 * projector runs it this fails with PROJECTION_LEASE_UNAVAILABLE rather than racing it.
 */
export async function rebuild(context: AdminContext, name: string): Promise<RebuildReport> {
  const { events, store, projections, config } = context;
  const projection = projections.find((p) => p.name === name);
  if (!projection) throw new UnknownProjectionError(name, projections.map((p) => p.name));
  let applied = 0;
  const runner = new ProjectionRunner({
    projection,
    events,
    store,
    batchSize: config.batchSize,
    leaseTtlMs: config.leaseTtlMs,
    onBatch: (report) => {
      applied += report.events;
    },
  });
  const started = performance.now();
  try {
    const swap = await runner.rebuild();
    return { projection: name, ...swap, events: applied, seconds: (performance.now() - started) / 1000 };
  } finally {
    await runner.stop();
  }
}
