import { UsageError } from '../../cli/cli-error';
import type { CliCommand, CliIo } from '../../cli/command';
import { parseOptions } from '../../cli/parse-options';
import { requirePositionals, versionOption } from '../store/arguments';
import { storeConfigOf } from '../store/store-config';

const USAGE = [
  'Usage: bandpro events <scoreId> [--from N] [--to N] [--type T[,T]] [--json]',
  '  one line per event: version, time, actor, type, data (cut); --json prints every envelope field as NDJSON',
].join('\n');

const OPTIONS = { from: { type: 'string' }, to: { type: 'string' }, type: { type: 'string' }, json: { type: 'boolean' } } as const;

export interface EventsRequest {
  scoreId: string;
  from?: number;
  to?: number;
  types?: string[];
  json: boolean;
}

export function parseEventsArgs(args: readonly string[]): EventsRequest {
  const { values, positionals } = parseOptions(args, OPTIONS, USAGE);
  const [scoreId] = requirePositionals(positionals, ['<scoreId>'], USAGE);
  const from = versionOption(values.from, '--from', USAGE);
  const to = versionOption(values.to, '--to', USAGE);
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`, USAGE);
  const types = typeof values.type === 'string' ? values.type.split(',').map((t) => t.trim()) : undefined;
  if (types?.some((t) => t === '')) throw new UsageError('--type needs event type names separated by commas', USAGE);
  return { scoreId, from, to, types, json: values.json === true };
}

export const eventsCommand: CliCommand = {
  name: 'events',
  summary: "List a score's events (version, time, actor, type, data), or print them as NDJSON",
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<void> {
    const request = parseEventsArgs(args);
    const { listEvents } = await import('./list-events');
    await listEvents(request, storeConfigOf(process.env), io, USAGE);
  },
};
