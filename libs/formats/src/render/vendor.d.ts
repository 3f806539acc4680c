/* The few parts of Verovio, PDFKit and SVG-to-PDFKit this folder uses: none of them ships typings. */

declare module 'verovio' {
  export interface VerovioToolkit {
    setOptions(options: Record<string, unknown>): void;
    loadData(data: string): boolean;
    getPageCount(): number;
    renderToSVG(page: number, xmlDeclaration?: boolean): string;
    getLog(): string;
    getVersion(): string;
  }
  export const module: { calledRun?: boolean; _malloc?: unknown; onRuntimeInitialized?: () => void };
  export const toolkit: new () => VerovioToolkit;
  export const LOG_ERROR: number;
  export function enableLog(level: number): void;
  export function enableLogToBuffer(value: boolean): void;
}

declare module 'pdfkit' {
  interface PDFDocumentOptions {
    size?: [number, number];
    margin?: number;
    autoFirstPage?: boolean;
    info?: Record<string, string>;
  }
  namespace PDFDocument {
    interface PDFReference {
      end(chunk?: string): void;
    }
  }
  class PDFDocument {
    constructor(options?: PDFDocumentOptions);
    readonly page: { width: number; height: number; xobjects: Record<string, PDFDocument.PDFReference> };
    ref(data: Record<string, unknown>): PDFDocument.PDFReference;
    addContent(data: string): this;
    widthOfString(text: string): number;
    addPage(): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    text(text: string, x: number, y: number, options?: { width?: number; align?: string; lineBreak?: boolean; baseline?: string }): this;
    on(event: 'data', listener: (chunk: Uint8Array) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    end(): void;
  }
  export = PDFDocument;
}

declare module 'svg-to-pdfkit' {
  import PDFDocument = require('pdfkit');
  function SVGtoPDF(doc: PDFDocument, svg: string, x: number, y: number, options?: { width?: number; height?: number; preserveAspectRatio?: string }): void;
  export = SVGtoPDF;
}
