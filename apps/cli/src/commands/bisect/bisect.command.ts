import type { CliCommand, CliIo } from '../../cli/command';
import { UsageError } from '../../cli/cli-error';
import { parseOptions } from '../../cli/parse-options';
import { requirePositionals } from '../store/arguments';
import { storeConfigOf } from '../store/store-config';

const USAGE = [
  'Usage: bandpro bisect <scoreId> --predicate <file.js>',
  '  the file exports (state) => boolean (module.exports = … or export default); a binary search over the',
  '  versions finds the first at which it is true. It assumes that once true it stays true.',
].join('\n');

const OPTIONS = { predicate: { type: 'string' } } as const;

export interface BisectRequest {
  scoreId: string;
  predicate: string;
}

export function parseBisectArgs(args: readonly string[]): BisectRequest {
  const { values, positionals } = parseOptions(args, OPTIONS, USAGE);
  const [scoreId] = requirePositionals(positionals, ['<scoreId>'], USAGE);
  const predicate = typeof values.predicate === 'string' ? values.predicate.trim() : '';
  if (predicate === '') throw new UsageError('bisect needs --predicate <file.js>', USAGE);
  return { scoreId, predicate };
}

export const bisectCommand: CliCommand = {
  name: 'bisect',
  summary: 'Find the first version of a score at which a predicate on its state turns true',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<void> {
    const request = parseBisectArgs(args);
    const { bisectScore } = await import('./bisect-score');
    await bisectScore(request, storeConfigOf(process.env), io);
  },
};
