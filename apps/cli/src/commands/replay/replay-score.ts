import type { CliIo } from '../../cli/command';
import { stateAt } from '../store/score-states';
import { requireScore, requireVersion, withEventStore } from '../store/open-store';
import type { StoreConfig } from '../store/store-config';
import type { ReplayRequest } from './replay.command';
import { scoreOutline } from './score-outline';

export async function replayScore({ scoreId, to, json }: ReplayRequest, config: StoreConfig, io: CliIo): Promise<void> {
  await withEventStore(config, { create: false }, async (store) => {
    requireVersion(scoreId, to, await requireScore(store, scoreId));
    const state = await stateAt(store, scoreId, to);
    io.stdout(`${json ? JSON.stringify(state, null, 2) : scoreOutline(state, to)}\n`);
  });
}
