import type { CliCommand, CliIo } from '../../cli/command';
import { UsageError } from '../../cli/cli-error';
import { parseOptions } from '../../cli/parse-options';
import { requirePositionals, versionOption } from '../store/arguments';
import { storeConfigOf } from '../store/store-config';

const USAGE = [
  'Usage: bandpro diff <scoreId> <A> <B> [--json]',
  '  what differs between versions A and B: info, parts, bars and their attributes, notes and marks, bar by bar',
].join('\n');

const OPTIONS = { json: { type: 'boolean' } } as const;

export interface DiffRequest {
  scoreId: string;
  from: number;
  to: number;
  json: boolean;
}

export function parseDiffArgs(args: readonly string[]): DiffRequest {
  const { values, positionals } = parseOptions(args, OPTIONS, USAGE);
  const [scoreId, a, b] = requirePositionals(positionals, ['<scoreId>', '<A>', '<B>'], USAGE);
  const from = versionOption(a, '<A>', USAGE) as number;
  const to = versionOption(b, '<B>', USAGE) as number;
  if (from === to) throw new UsageError(`<A> and <B> are both ${from}: give two different versions`, USAGE);
  return { scoreId, from, to, json: values.json === true };
}

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'Show what differs between two versions of a score (info, parts, bars, notes, marks)',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<void> {
    const request = parseDiffArgs(args);
    const { diffVersions } = await import('./diff-versions');
    await diffVersions(request, storeConfigOf(process.env), io);
  },
};
