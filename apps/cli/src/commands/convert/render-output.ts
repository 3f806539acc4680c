import type { Score } from '@bandpro/domain';
import { exportMidi, exportMusicXml, exportMxl, renderPdf, renderSvgPages } from '@bandpro/formats';
import { CliError } from '../../cli/cli-error';
import { batchZip } from './batch-zip';
import type { ConvertRequest } from './convert';

type OutputOptions = Pick<ConvertRequest, 'outputKind' | 'concertPitch' | 'pageSize' | 'page'>;

/** The bytes (or text) of one output file; `partIds` are the parts --part left (every part without it). */
export async function renderOutput(score: Score, request: OutputOptions, partIds: string[]): Promise<Uint8Array | string> {
  const { concertPitch, pageSize } = request;
  const kind = request.outputKind;
  switch (kind) {
    case 'musicxml':
      return exportMusicXml(score, { partIds, concertPitch });
    case 'mxl':
      return exportMxl(score, { partIds, concertPitch });
    case 'midi':
      return exportMidi(score, { partIds });
    case 'pdf':
      return renderPdf(score, { partIds, concertPitch, pageSize });
    case 'svg':
      return svgPage(await renderSvgPages(score, { partIds, concertPitch, pageSize }), request.page ?? 1);
    case 'zip':
      return batchZip(score, { concertPitch, pageSize });
    default: {
      const unknown: never = kind;
      throw new CliError('UNKNOWN_OUTPUT', `No writer for ${String(unknown)}`);
    }
  }
}

/** Pages exist only after engraving, so a page past the end is a conversion failure (exit 1), not a usage error. */
function svgPage(pages: readonly string[], page: number): string {
  if (page > pages.length) {
    throw new CliError('PAGE_NOT_FOUND', `There is no page ${page}: the score has ${pages.length} page${pages.length === 1 ? '' : 's'}`);
  }
  return pages[page - 1];
}
