import type { CliIo } from '../../cli/command';
import { requireScore, withEventStore } from '../store/open-store';
import type { StoreConfig } from '../store/store-config';
import { mentionsOf } from './mentions';
import type { TraceRequest } from './trace.command';

export async function traceElement({ scoreId, element, json }: TraceRequest, config: StoreConfig, io: CliIo): Promise<void> {
  await withEventStore(config, { create: false }, async (store) => {
    await requireScore(store, scoreId);
    let found = 0;
    for await (const event of store.readStream(scoreId)) {
      const paths = mentionsOf(event.data, element);
      if (paths.length === 0) continue;
      found += 1;
      const { version, type, metadata } = event;
      const actor = `${metadata.actor.kind}:${metadata.actor.id}`;
      io.stdout(json ? `${JSON.stringify({ version, recordedAt: metadata.recordedAt, actor: metadata.actor, type, paths })}\n` : `${String(version).padStart(5)}  ${actor}  ${type}  at ${paths.join(', ')}\n`);
    }
    // Said on stderr so that stdout stays the list (empty) for scripts.
    if (found === 0) io.stderr(`No event of score ${scoreId} mentions ${element}\n`);
  });
}
