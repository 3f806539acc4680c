import { extname } from 'node:path';
import { UsageError } from '../../cli/cli-error';

export type OutputKind = 'musicxml' | 'mxl' | 'midi';

/** The importer recognises .mxl by its content, so every input kind reads the same way. */
const INPUTS = new Set(['.musicxml', '.xml', '.mxl']);

const OUTPUTS: Readonly<Record<string, OutputKind>> = { '.musicxml': 'musicxml', '.xml': 'musicxml', '.mxl': 'mxl', '.mid': 'midi', '.midi': 'midi' };

/** Outputs that arrive with the engraving work: named so the user learns they are planned, not mistyped. */
const LATER: Readonly<Record<string, string>> = { '.pdf': 'PDF', '.svg': 'SVG', '.zip': 'ZIP (parts)' };

function extensionOf(path: string): string {
  return extname(path).toLowerCase();
}

export function requireInputFile(path: string, usage: string): void {
  if (!INPUTS.has(extensionOf(path))) {
    throw new UsageError(`Cannot read "${path}": the input must be .musicxml, .xml or .mxl`, usage, 'UNKNOWN_INPUT_EXTENSION');
  }
}

export function outputKindOf(path: string, usage: string): OutputKind {
  const extension = extensionOf(path);
  const kind = OUTPUTS[extension];
  if (kind) return kind;
  if (LATER[extension]) {
    throw new UsageError(`${LATER[extension]} output is not supported yet: it arrives with the engraving work`, usage, 'OUTPUT_NOT_SUPPORTED_YET');
  }
  throw new UsageError(`Cannot write "${path}": the output must be .musicxml, .mxl or .mid`, usage, 'UNKNOWN_OUTPUT_EXTENSION');
}
