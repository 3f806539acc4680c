import type { CliIo } from '../../cli/command';
import { requireScore, withEventStore } from '../store/open-store';
import { debugLoader } from '../store/score-states';
import type { StoreConfig } from '../store/store-config';
import type { BisectRequest } from './bisect.command';
import { holdsAt, loadPredicate } from './predicate-file';

export interface BisectOutcome {
  kind: 'never' | 'already' | 'first';
  /** The first version at which the predicate holds; undefined when it never does. */
  version?: number;
  head: number;
  probes: number;
}

/**
 * Binary search for the first version where `holds` is true, given it is false at `low` and true at
 * `high`. Each probe costs one load; the loader replays at most its snapshot interval per probe.
 */
export async function firstTrue(low: number, high: number, holds: (version: number) => Promise<boolean>): Promise<{ version: number; probes: number }> {
  let probes = 0;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    probes += 1;
    if (await holds(middle)) high = middle;
    else low = middle;
  }
  return { version: high, probes };
}

export async function bisectScore({ scoreId, predicate: file }: BisectRequest, config: StoreConfig, io: CliIo): Promise<BisectOutcome> {
  const predicate = loadPredicate(file);
  const outcome = await withEventStore(config, { create: false }, async (store): Promise<BisectOutcome> => {
    const head = await requireScore(store, scoreId);
    const loader = debugLoader(store);
    const holds = async (version: number) => holdsAt(predicate, (await loader.load(scoreId, { version })).state, version);
    if (await holds(1)) return { kind: 'already', version: 1, head, probes: 1 };
    if (head === 1 || !(await holds(head))) return { kind: 'never', head, probes: head === 1 ? 1 : 2 };
    const found = await firstTrue(1, head, holds);
    return { kind: 'first', version: found.version, head, probes: found.probes + 2 };
  });
  io.stdout(`${describe(outcome)}\n`);
  return outcome;
}

function describe(outcome: BisectOutcome): string {
  const checked = `(${outcome.probes} versions checked of ${outcome.head})`;
  if (outcome.kind === 'already') return `Already true at version 1 ${checked}`;
  if (outcome.kind === 'never') return `Never true, up to version ${outcome.head} ${checked}`;
  return `First true at version ${outcome.version} ${checked}`;
}
