// The formats library's vendor typings (Verovio, PDFKit) are not in this app's tsconfig; the CLI lists them there.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient-module file cannot be imported
/// <reference path="../../../../libs/formats/src/render/vendor.d.ts" />
import type { ExportRenderers } from '@bandpro/exports';
import { exportMidi, exportMusicXml, exportMxl, renderMusicXmlPages, renderPdf, renderSvgPages } from '@bandpro/formats';

/** The formats library's functions as the export library takes them. */
export const FORMATS_RENDERERS: ExportRenderers = { exportMusicXml, exportMxl, exportMidi, renderPdf, renderSvgPages };

/**
 * Verovio announces its WASM runtime once, soon after it loads, and libs/formats waits for that announcement:
 * a process that renders for the first time minutes later (a server) would wait forever. Asking for the
 * engraver now, while this module loads, puts its hook in place in time; the empty document is then refused.
 */
void renderMusicXmlPages('', 'A4').catch(() => undefined);
