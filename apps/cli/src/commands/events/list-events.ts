import { SCORE_EVENT_TYPES } from '@bandpro/domain';
import { UsageError } from '../../cli/cli-error';
import type { CliIo } from '../../cli/command';
import { requireScore, requireVersion, withEventStore } from '../store/open-store';
import type { StoreConfig } from '../store/store-config';
import { eventJson, eventLine } from './event-line';
import type { EventsRequest } from './events.command';

export async function listEvents(request: EventsRequest, config: StoreConfig, io: CliIo, usage: string): Promise<void> {
  const { scoreId, from, to, types, json } = request;
  const unknown = types?.find((type) => !(SCORE_EVENT_TYPES as readonly string[]).includes(type));
  if (unknown) throw new UsageError(`--type: "${unknown}" is not a score event type (e.g. NoteWritten, PartAdded)`, usage);
  const wanted = types && new Set(types);
  await withEventStore(config, { create: false }, async (store) => {
    const head = await requireScore(store, scoreId);
    for (const version of [from, to]) if (version !== undefined) requireVersion(scoreId, version, head);
    for await (const event of store.readStream(scoreId, { fromVersion: from, toVersion: to })) {
      if (wanted && !wanted.has(event.type)) continue;
      io.stdout(`${json ? eventJson(event) : eventLine(event)}\n`);
    }
  });
}
