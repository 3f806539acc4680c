import { createHash } from 'node:crypto';

export const EXPORT_FORMATS = ['musicxml', 'mxl', 'midi', 'pdf', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_PAGE_SIZES = ['A4', 'Letter'] as const;
export type ExportPageSize = (typeof EXPORT_PAGE_SIZES)[number];

/** What to export: one format and one target give that file; anything more gives one zip. */
export interface ExportRequest {
  scoreId: string;
  /** The score as of this version (the API fills in the current one when the client gives none). */
  version: number;
  formats: ExportFormat[];
  /** The full score, or these parts, each in written pitch. */
  parts: 'score' | string[];
  /** Sounding pitch for the full score; parts are always written as their players read them. */
  concertPitch: boolean;
  pageSize: ExportPageSize;
}

/** Order and repeats in a request do not change its result, so they must not change its id either. */
export function normalizeRequest(request: ExportRequest): ExportRequest {
  const formats = EXPORT_FORMATS.filter((f) => request.formats.includes(f));
  const parts = request.parts === 'score' ? 'score' : [...new Set(request.parts)];
  return { scoreId: request.scoreId, version: request.version, formats, parts, concertPitch: request.concertPitch, pageSize: request.pageSize };
}

/** The id of an export is a hash of what it renders: the same request twice is the same export (dedupe). */
export function exportIdOf(request: ExportRequest): string {
  const { scoreId, version, formats, parts, concertPitch, pageSize } = normalizeRequest(request);
  const canonical = JSON.stringify([scoreId, version, formats, parts, concertPitch, pageSize]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 40);
}

export const EXPORT_ID_PATTERN = /^[0-9a-f]{40}$/;
