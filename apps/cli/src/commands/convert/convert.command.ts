import { UsageError } from '../../cli/cli-error';
import type { CliCommand, CliIo } from '../../cli/command';
import { parseOptions } from '../../cli/parse-options';
import type { ConvertRequest } from './convert';
import { outputKindOf, requireInputFile } from './file-kinds';

const USAGE = 'Usage: bandpro convert <in.(musicxml|xml|mxl)> <out.(musicxml|mxl|mid)> [--part <name>] [--concert-pitch]';

const OPTIONS = {
  part: { type: 'string' },
  'concert-pitch': { type: 'boolean' },
} as const;

/** Everything about the command line is checked before the (slow to load) formats library is. */
export function parseConvertArgs(args: readonly string[]): ConvertRequest {
  const { values, positionals } = parseOptions(args, OPTIONS, USAGE);
  if (positionals.length !== 2) {
    throw new UsageError(positionals.length < 2 ? 'convert needs an input and an output file' : `Unexpected argument "${positionals[2]}"`, USAGE);
  }
  const [input, output] = positionals;
  requireInputFile(input, USAGE);
  const part = values.part as string | undefined;
  if (part !== undefined && part.trim() === '') throw new UsageError('--part needs a part name or id', USAGE);
  return { input, output, outputKind: outputKindOf(output, USAGE), part, concertPitch: values['concert-pitch'] === true };
}

export const convertCommand: CliCommand = {
  name: 'convert',
  summary: 'Convert a MusicXML file (.musicxml, .xml, .mxl) to MusicXML, compressed MusicXML or MIDI, offline',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<void> {
    const request = parseConvertArgs(args);
    const { convert } = await import('./convert');
    await convert(request, io);
  },
};
