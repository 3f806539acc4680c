import { isDomainError, type ScoreDocument, validateScoreDocument } from '@bandpro/domain';
import { MusicXmlError } from '../errors';
import { decodeXmlBytes } from '../io/decode-text';
import { isZip, readMxl } from '../io/mxl';
import { childElement, childElements, parseXml, type XmlElement } from '../io/xml-tree';
import { DEFAULT_LIMITS, type ImportLimits } from '../limits';
import { assembleScore } from './assemble';
import { assignIds } from './assign-ids';
import { readHeader, readPartList } from './read-header';
import { readPart } from './read-part';
import type { ReadPart, ReadPartInfo } from './read.types';
import { ImportReport, type ImportWarning, type SkippedElement } from './report';
import { partwiseRoot } from './score-root';

export interface ImportMusicXmlOptions {
  /** The uploaded file's name: the title when the file has none. */
  filename?: string;
  /** Largest input, and largest score text inside an .mxl (default 20 MiB). */
  maxBytes?: number;
  /** A fresh element id (ULID or UUIDv7) per call. */
  ids: () => string;
}

export interface MusicXmlImport {
  /** The document for ImportScore, checked by the domain's validation. */
  document: ScoreDocument;
  skipped: SkippedElement[];
  warnings: ImportWarning[];
}

const MAX_PARTS = 100;
const MAX_MEASURES = 5000;

/** Bytes as UTF-8 would store a string, counted only when the length alone does not decide. */
function sizeOf(input: Uint8Array | string, max: number): number {
  if (typeof input !== 'string') return input.length;
  return input.length > max || input.length * 3 <= max ? input.length : new TextEncoder().encode(input).length;
}

function textOf(input: Uint8Array | string, limits: ImportLimits, warnings: string[]): string {
  const size = sizeOf(input, limits.maxBytes);
  if (size > limits.maxBytes) throw new MusicXmlError('MUSICXML_TOO_LARGE', `The file is larger than ${limits.maxBytes} bytes`, { limit: 'input-size', size });
  if (typeof input === 'string') return input.startsWith('\uFEFF') ? input.slice(1) : input;
  let bytes = input;
  if (isZip(bytes)) {
    const mxl = readMxl(bytes, limits);
    warnings.push(...mxl.warnings);
    bytes = mxl.bytes;
  }
  const decoded = decodeXmlBytes(bytes);
  warnings.push(...decoded.warnings);
  return decoded.text;
}

function readParts(score: XmlElement, report: ImportReport): ReadPart[] {
  const infos = new Map(readPartList(score).map((info) => [info.xmlId, info]));
  const defaults = childElement(score, 'defaults');
  const concertScore = defaults !== undefined && childElement(defaults, 'concert-score') !== undefined;
  const parts = childElements(score, 'part');
  if (parts.length > MAX_PARTS) throw new MusicXmlError('MUSICXML_UNSUPPORTED', `A score holds at most ${MAX_PARTS} parts`, { parts: parts.length });
  return parts.map((el) => {
    const id = el.attrs.id ?? '';
    const info: ReadPartInfo = infos.get(id) ?? { xmlId: id, name: '', abbreviation: '', instrumentNames: [], soundIds: [], midiPrograms: [], midiChannels: [], unpitched: new Map() };
    if (childElements(el, 'measure').length > MAX_MEASURES) throw new MusicXmlError('MUSICXML_UNSUPPORTED', `A score holds at most ${MAX_MEASURES} measures`, {});
    return readPart(el, info, report, concertScore);
  });
}

/**
 * Reads a MusicXML score (.musicxml / .xml, or a compressed .mxl) into the document ImportScore takes.
 * What the model cannot hold is left out and reported; a file that cannot be read at all is refused
 * with a MusicXmlError and nothing is imported.
 */
export function importMusicXml(input: Uint8Array | string, options: ImportMusicXmlOptions): MusicXmlImport {
  try {
    return importScore(input, options);
  } catch (error) {
    if (error instanceof MusicXmlError) throw error;
    // A file odd enough to break an assumption is still a bad file, never a crash of the caller.
    throw new MusicXmlError('MUSICXML_INVALID', `The file could not be read: ${(error as Error).message}`, { cause: (error as { code?: string }).code ?? (error as Error).name });
  }
}

function importScore(input: Uint8Array | string, options: ImportMusicXmlOptions): MusicXmlImport {
  const limits: ImportLimits = { ...DEFAULT_LIMITS, ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}) };
  const report = new ImportReport();
  const decodeWarnings: string[] = [];
  const score = partwiseRoot(parseXml(textOf(input, limits, decodeWarnings)), report);
  for (const w of decodeWarnings) report.warn(w);
  const info = readHeader(score, options.filename, report);
  const draft = assembleScore(info, readParts(score, report), report);
  let document: ScoreDocument;
  try {
    document = validateScoreDocument(assignIds(draft, options.ids));
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw new MusicXmlError('MUSICXML_UNSUPPORTED', `The score cannot be imported: ${error.message}`, { domainCode: error.code, ...error.details });
  }
  return { document, skipped: report.skipped, warnings: report.warnings };
}
