import type { CliCommand, CliIo } from '../../cli/command';
import { parseOptions } from '../../cli/parse-options';
import { requirePositionals } from '../store/arguments';
import { storeConfigOf } from '../store/store-config';

const USAGE = [
  'Usage: bandpro dump <scoreId> > score.ndjson',
  '  the whole stream as NDJSON, one event per line with every envelope field; `bandpro load` writes it back',
].join('\n');

export const dumpCommand: CliCommand = {
  name: 'dump',
  summary: "Print a score's whole stream as NDJSON (every envelope field), for `bandpro load`",
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<void> {
    const { positionals } = parseOptions(args, {}, USAGE);
    const [scoreId] = requirePositionals(positionals, ['<scoreId>'], USAGE);
    const [{ withEventStore, requireScore }, { eventJson }] = await Promise.all([import('../store/open-store'), import('../events/event-line')]);
    await withEventStore(storeConfigOf(process.env), { create: false }, async (store) => {
      await requireScore(store, scoreId);
      for await (const event of store.readStream(scoreId)) io.stdout(`${eventJson(event)}\n`);
    });
  },
};
