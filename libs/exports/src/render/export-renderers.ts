import type { Score } from '@bandpro/domain';
import type { ExportPageSize } from '../request/export-request';

interface Selection {
  /** Only these parts, in score order (default: the full score). */
  partIds?: readonly string[];
  concertPitch?: boolean;
}

/**
 * What an export needs from `@bandpro/formats`, passed in by the app: this library (data-access) may
 * not import a feature library, and the apps hand over the formats functions as they are.
 */
export interface ExportRenderers {
  exportMusicXml(score: Score, options: Selection): string;
  exportMxl(score: Score, options: Selection): Uint8Array;
  exportMidi(score: Score, options: { partIds?: readonly string[] }): Uint8Array;
  renderPdf(score: Score, options: Selection & { pageSize: ExportPageSize }): Promise<Uint8Array>;
  renderSvgPages(score: Score, options: Selection & { pageSize: ExportPageSize }): Promise<string[]>;
}
