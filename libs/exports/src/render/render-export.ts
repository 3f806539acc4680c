import type { Score } from '@bandpro/domain';
import { strToU8, zipSync } from 'fflate';
import { ExportRequestError } from '../errors';
import type { ExportFormat, ExportRequest } from '../request/export-request';
import type { ExportRenderers } from './export-renderers';
import { contentTypeOf, fileSafeName, uniqueFileNames } from './file-names';

export interface RenderedExport {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Called with the share done, from 0 to 1, after each file. */
export type ExportProgress = (fraction: number) => void | Promise<void>;

interface Target {
  /** undefined: the full score. */
  partId?: string;
  baseName: string;
}

interface NamedFile {
  name: string;
  bytes: Uint8Array;
}

const EXTENSIONS: Record<ExportFormat, string> = { musicxml: 'musicxml', mxl: 'mxl', midi: 'mid', pdf: 'pdf', svg: 'svg' };

function targetsOf(score: Score, parts: ExportRequest['parts']): Target[] {
  const title = fileSafeName(score.title, 'Score');
  if (parts === 'score') return [{ baseName: title }];
  return parts.map((partId) => {
    const part = score.parts.find((p) => p.id === partId);
    if (!part) throw new ExportRequestError('EXPORT_PART_NOT_FOUND', 'The score has no such part', { partId });
    return { partId, baseName: `${title} - ${fileSafeName(part.name, 'Part')}` };
  });
}

async function renderOne(score: Score, format: ExportFormat, target: Target, request: ExportRequest, renderers: ExportRenderers): Promise<NamedFile[]> {
  const partIds = target.partId === undefined ? undefined : [target.partId];
  // A part is printed as its player reads it; only the full score may be at concert pitch.
  const selection = { partIds, concertPitch: target.partId === undefined && request.concertPitch };
  const name = `${target.baseName}.${EXTENSIONS[format]}`;
  switch (format) {
    case 'musicxml':
      return [{ name, bytes: strToU8(renderers.exportMusicXml(score, selection)) }];
    case 'mxl':
      return [{ name, bytes: renderers.exportMxl(score, selection) }];
    case 'midi':
      return [{ name, bytes: renderers.exportMidi(score, { partIds }) }];
    case 'pdf':
      return [{ name, bytes: await renderers.renderPdf(score, { ...selection, pageSize: request.pageSize }) }];
    case 'svg': {
      const pages = await renderers.renderSvgPages(score, { ...selection, pageSize: request.pageSize });
      if (pages.length === 1) return [{ name, bytes: strToU8(pages[0]) }];
      return pages.map((page, i) => ({ name: `${target.baseName} - page ${i + 1}.svg`, bytes: strToU8(page) }));
    }
    default: {
      const unknown: never = format;
      throw new ExportRequestError('EXPORT_REQUEST_INVALID', `Unknown export format ${String(unknown)}`);
    }
  }
}

/**
 * Renders every format for every target (the full score, or each part). One file comes back as it is;
 * several come back as one zip named after the score.
 */
export async function renderExport(score: Score, request: ExportRequest, renderers: ExportRenderers, onProgress: ExportProgress = () => undefined): Promise<RenderedExport> {
  if (request.formats.length === 0) throw new ExportRequestError('EXPORT_REQUEST_INVALID', 'An export needs at least one format');
  const targets = targetsOf(score, request.parts);
  const files: NamedFile[] = [];
  const steps = request.formats.length * targets.length;
  let done = 0;
  for (const format of request.formats) {
    for (const target of targets) {
      files.push(...(await renderOne(score, format, target, request, renderers)));
      await onProgress(++done / steps);
    }
  }
  if (files.length === 1) return { fileName: files[0].name, contentType: contentTypeOf(files[0].name), bytes: files[0].bytes };
  const names = uniqueFileNames(files.map((f) => f.name));
  // PDFs, MXL and MIDI are compressed already; storing keeps the zip fast to write.
  const zip = zipSync(Object.fromEntries(files.map((f, i) => [names[i], f.bytes])), { level: 0 });
  const fileName = `${fileSafeName(score.title, 'Score')}.zip`;
  return { fileName, contentType: contentTypeOf(fileName), bytes: zip };
}
