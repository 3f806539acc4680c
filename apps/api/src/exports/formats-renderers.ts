// The formats library's vendor typings (Verovio, PDFKit) are not in this app's tsconfig; the CLI lists them there.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient-module file cannot be imported
/// <reference path="../../../../libs/formats/src/render/vendor.d.ts" />
import type { ExportRenderers } from '@bandpro/exports';
import { exportMidi, exportMusicXml, exportMxl, renderPdf, renderSvgPages } from '@bandpro/formats';

/** The formats library's functions as the export library takes them. */
export const FORMATS_RENDERERS: ExportRenderers = { exportMusicXml, exportMxl, exportMidi, renderPdf, renderSvgPages };

