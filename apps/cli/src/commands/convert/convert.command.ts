import type { PageSize } from '@bandpro/formats';
import { UsageError } from '../../cli/cli-error';
import type { CliCommand, CliIo } from '../../cli/command';
import { parseOptions } from '../../cli/parse-options';
import type { ConvertRequest } from './convert';
import { ENGRAVED, type OutputKind, outputKindOf, requireInputFile } from './file-kinds';

const USAGE = [
  'Usage: bandpro convert <in.(musicxml|xml|mxl)> <out.(musicxml|mxl|mid|pdf|svg|zip)> [--part <name>] [--concert-pitch]',
  '                       [--page-size A4|Letter] [--page <n>]',
  '  .pdf  the full score (or the --part), A4 unless --page-size Letter',
  '  .svg  one page only: page 1, or --page <n>',
  '  .zip  full-score PDF, one PDF per part, the MusicXML and the MIDI (no --part)',
].join('\n');

const OPTIONS = {
  part: { type: 'string' },
  'concert-pitch': { type: 'boolean' },
  'page-size': { type: 'string' },
  page: { type: 'string' },
} as const;

const PAGE_SIZES: Readonly<Record<string, PageSize>> = { a4: 'A4', letter: 'Letter' };

function pageSizeOf(value: string | undefined, kind: OutputKind): PageSize {
  if (value === undefined) return 'A4';
  if (!ENGRAVED.has(kind)) throw new UsageError('--page-size is for .pdf, .svg and .zip outputs', USAGE);
  const size = PAGE_SIZES[value.toLowerCase()];
  if (!size) throw new UsageError(`--page-size must be A4 or Letter, not "${value}"`, USAGE);
  return size;
}

function pageOf(value: string | undefined, kind: OutputKind): number | undefined {
  if (value === undefined) return undefined;
  if (kind !== 'svg') throw new UsageError('--page is for .svg outputs (a PDF holds every page)', USAGE);
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new UsageError(`--page must be a page number from 1, not "${value}"`, USAGE);
  return Number(value);
}

/** Everything about the command line is checked before the (slow to load) formats library is. */
export function parseConvertArgs(args: readonly string[]): ConvertRequest {
  const { values, positionals } = parseOptions(args, OPTIONS, USAGE);
  if (positionals.length !== 2) {
    throw new UsageError(positionals.length < 2 ? 'convert needs an input and an output file' : `Unexpected argument "${positionals[2]}"`, USAGE);
  }
  const [input, output] = positionals;
  requireInputFile(input, USAGE);
  const outputKind = outputKindOf(output, USAGE);
  const part = values.part as string | undefined;
  if (part !== undefined && part.trim() === '') throw new UsageError('--part needs a part name or id', USAGE);
  if (part !== undefined && outputKind === 'zip') throw new UsageError('A .zip holds every part; --part is for the other outputs', USAGE);
  const pageSize = pageSizeOf(values['page-size'] as string | undefined, outputKind);
  const page = pageOf(values.page as string | undefined, outputKind);
  return { input, output, outputKind, part, concertPitch: values['concert-pitch'] === true, pageSize, page };
}

export const convertCommand: CliCommand = {
  name: 'convert',
  summary: 'Convert a MusicXML file (.musicxml, .xml, .mxl) to MusicXML, MIDI, PDF, SVG or a zip of them all, offline',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<void> {
    const request = parseConvertArgs(args);
    const { convert } = await import('./convert');
    await convert(request, io);
  },
};
