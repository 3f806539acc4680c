import type { CliCommand, CliIo } from '../../cli/command';
import { UsageError } from '../../cli/cli-error';
import { parseOptions } from '../../cli/parse-options';
import { requirePositionals, versionOption } from '../store/arguments';
import { storeConfigOf } from '../store/store-config';

const USAGE = [
  'Usage: bandpro replay <scoreId> --to N [--json]',
  '  the score as it was at version N: title, parts and the notes of every bar; --json prints the whole state',
].join('\n');

const OPTIONS = { to: { type: 'string' }, json: { type: 'boolean' } } as const;

export interface ReplayRequest {
  scoreId: string;
  to: number;
  json: boolean;
}

export function parseReplayArgs(args: readonly string[]): ReplayRequest {
  const { values, positionals } = parseOptions(args, OPTIONS, USAGE);
  const [scoreId] = requirePositionals(positionals, ['<scoreId>'], USAGE);
  const to = versionOption(values.to, '--to', USAGE);
  if (to === undefined) throw new UsageError('replay needs --to <version>', USAGE);
  return { scoreId, to, json: values.json === true };
}

export const replayCommand: CliCommand = {
  name: 'replay',
  summary: 'Show a score as it was at a version (an outline, or the whole state with --json)',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<void> {
    const request = parseReplayArgs(args);
    const { replayScore } = await import('./replay-score');
    await replayScore(request, storeConfigOf(process.env), io);
  },
};
