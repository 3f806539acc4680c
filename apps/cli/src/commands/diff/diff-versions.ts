import { diffScores } from '@bandpro/history';
import type { CliIo } from '../../cli/command';
import { requireScore, requireVersion, withEventStore } from '../store/open-store';
import { stateAt } from '../store/score-states';
import type { StoreConfig } from '../store/store-config';
import type { DiffRequest } from './diff.command';
import { diffText } from './diff-text';

export async function diffVersions({ scoreId, from, to, json }: DiffRequest, config: StoreConfig, io: CliIo): Promise<void> {
  await withEventStore(config, { create: false }, async (store) => {
    const head = await requireScore(store, scoreId);
    requireVersion(scoreId, from, head);
    requireVersion(scoreId, to, head);
    const [before, after] = [await stateAt(store, scoreId, from), await stateAt(store, scoreId, to)];
    const diff = diffScores(before, after);
    io.stdout(`${json ? JSON.stringify(diff, null, 2) : diffText(diff, { scoreId, from, to, before, after })}\n`);
  });
}
