import type { CliCommand, CliIo } from '../../cli/command';
import { parseOptions } from '../../cli/parse-options';
import { requirePositionals } from '../store/arguments';
import { storeConfigOf } from '../store/store-config';

const USAGE = [
  'Usage: bandpro load <file.ndjson>',
  '  writes a `bandpro dump` into the configured store: same stream id, versions, types, data, commandIds and actors;',
  '  refuses a stream that already has events (STREAM_EXISTS) and checks the whole file before writing anything',
].join('\n');

export const loadCommand: CliCommand = {
  name: 'load',
  summary: 'Write a `bandpro dump` file into the configured store, ids and versions preserved',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<void> {
    const { positionals } = parseOptions(args, {}, USAGE);
    const [file] = requirePositionals(positionals, ['<file.ndjson>'], USAGE);
    const { loadDump } = await import('./load-dump');
    await loadDump(file, storeConfigOf(process.env), io);
  },
};
