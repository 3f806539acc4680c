import { extname } from 'node:path';
import { UsageError } from '../../cli/cli-error';

export type OutputKind = 'musicxml' | 'mxl' | 'midi' | 'pdf' | 'svg' | 'zip';

/** The importer recognises .mxl by its content, so every input kind reads the same way. */
const INPUTS = new Set(['.musicxml', '.xml', '.mxl']);
const OUTPUTS: Readonly<Record<string, OutputKind>> = {
  '.musicxml': 'musicxml',
  '.xml': 'musicxml',
  '.mxl': 'mxl',
  '.mid': 'midi',
  '.midi': 'midi',
  '.pdf': 'pdf',
  '.svg': 'svg',
  '.zip': 'zip',
};

/** Engraved outputs: the only ones a page size means something for. */
export const ENGRAVED: ReadonlySet<OutputKind> = new Set(['pdf', 'svg', 'zip']);

function extensionOf(path: string): string {
  return extname(path).toLowerCase();
}

export function requireInputFile(path: string, usage: string): void {
  if (!INPUTS.has(extensionOf(path))) {
    throw new UsageError(`Cannot read "${path}": the input must be .musicxml, .xml or .mxl`, usage, 'UNKNOWN_INPUT_EXTENSION');
  }
}

export function outputKindOf(path: string, usage: string): OutputKind {
  const kind = OUTPUTS[extensionOf(path)];
  if (kind) return kind;
  throw new UsageError(`Cannot write "${path}": the output must be .musicxml, .mxl, .mid, .pdf, .svg or .zip`, usage, 'UNKNOWN_OUTPUT_EXTENSION');
}
