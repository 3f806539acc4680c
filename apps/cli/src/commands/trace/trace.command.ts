import { UsageError } from '../../cli/cli-error';
import type { CliCommand, CliIo } from '../../cli/command';
import { parseOptions } from '../../cli/parse-options';
import { requirePositionals } from '../store/arguments';
import { storeConfigOf } from '../store/store-config';

const USAGE = [
  'Usage: bandpro trace <scoreId> --element <id> [--json]',
  "  every event whose data mentions the element (a note, entry, bar, part or mark id): version, actor, type, where",
].join('\n');

const OPTIONS = { element: { type: 'string' }, json: { type: 'boolean' } } as const;

export interface TraceRequest {
  scoreId: string;
  element: string;
  json: boolean;
}

export function parseTraceArgs(args: readonly string[]): TraceRequest {
  const { values, positionals } = parseOptions(args, OPTIONS, USAGE);
  const [scoreId] = requirePositionals(positionals, ['<scoreId>'], USAGE);
  const element = typeof values.element === 'string' ? values.element.trim() : '';
  if (element === '') throw new UsageError('trace needs --element <id>', USAGE);
  return { scoreId, element, json: values.json === true };
}

export const traceCommand: CliCommand = {
  name: 'trace',
  summary: 'List every event of a score that mentions an element id (note, entry, bar, part, mark)',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<void> {
    const request = parseTraceArgs(args);
    const { traceElement } = await import('./trace-element');
    await traceElement(request, storeConfigOf(process.env), io);
  },
};
