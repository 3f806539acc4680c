import { UsageError } from '../../cli/cli-error';
import type { CliCommand, CliIo } from '../../cli/command';
import { parseOptions } from '../../cli/parse-options';
import { storeConfigOf } from '../store/store-config';

const USAGE = [
  'Usage: bandpro projections status [--json]          each projection: checkpoint, head, lag',
  '       bandpro projections rebuild <name> [--json]  rebuild one from position 0 and swap it in (the projector must be stopped)',
  '       bandpro projections verify [--json]          replay every event in memory; list read-model rows that differ (exit 1)',
].join('\n');

const OPTIONS = { json: { type: 'boolean' } } as const;

export function parseProjectionsArgs(args: readonly string[]): string[] {
  const { values, positionals } = parseOptions(args, OPTIONS, USAGE);
  const [action, ...rest] = positionals;
  const expected = action === 'rebuild' ? 1 : 0;
  if (action === undefined) throw new UsageError('projections needs status, rebuild <name> or verify', USAGE);
  if (!['status', 'rebuild', 'verify'].includes(action)) throw new UsageError(`Unknown projections action "${action}"`, USAGE);
  if (rest.length < expected) throw new UsageError('rebuild needs the name of a projection (see `bandpro projections status`)', USAGE);
  if (rest.length > expected) throw new UsageError(`Unexpected argument "${rest[expected]}"`, USAGE);
  return values.json === true ? [...positionals, '--json'] : positionals;
}

export const projectionsCommand: CliCommand = {
  name: 'projections',
  summary: "Show the projections' lag, rebuild one, or verify the read models against the events",
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<void> {
    const adminArgs = parseProjectionsArgs(args);
    const { runProjectorAdmin } = await import('./projector-admin');
    await runProjectorAdmin(adminArgs, storeConfigOf(process.env), io);
  },
};
