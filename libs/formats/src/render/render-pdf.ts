import type { Score, ScoreDocument } from '@bandpro/domain';
import PDFDocument = require('pdfkit');
import SVGtoPDF = require('svg-to-pdfkit');
import { PAGE_SIZES } from './page-size';
import { type RenderOptions, renderSvgPages } from './render-svg';
import { svgForPdf } from './svg-for-pdf';

export interface PartPdf {
  partId: string;
  partName: string;
  pdf: Uint8Array;
}

function collect(doc: PDFDocument): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

function drawPageNumber(doc: PDFDocument, page: number, pageCount: number): void {
  const { width, height } = doc.page;
  doc.font('Helvetica').fontSize(9).fillColor('black');
  doc.text(`Page ${page} of ${pageCount}`, 0, height - 28, { width, align: 'center', lineBreak: false });
}

/** Lays SVG pages out as a PDF of the given size, one page each, numbered at the foot. */
export function pagesToPdf(svgPages: readonly string[], options: Pick<RenderOptions, 'pageSize'> & { title: string; author: string }): Promise<Uint8Array> {
  const { width, height } = PAGE_SIZES[options.pageSize].points;
  const doc = new PDFDocument({ size: [width, height], margin: 0, autoFirstPage: false, info: { Title: options.title, Author: options.author } });
  const bytes = collect(doc);
  svgPages.forEach((svg, i) => {
    doc.addPage();
    SVGtoPDF(doc, svgForPdf(svg), 0, 0, { width, height, preserveAspectRatio: 'xMidYMin meet' });
    drawPageNumber(doc, i + 1, svgPages.length);
  });
  doc.end();
  return bytes;
}

/**
 * The score as a PDF: the full score, or with `partIds` those parts only. Title and composer head the first
 * page (Verovio's header from the MusicXML work title and credits); every page carries its number.
 */
export async function renderPdf(score: ScoreDocument | Score, options: RenderOptions): Promise<Uint8Array> {
  const pages = await renderSvgPages(score, options);
  return pagesToPdf(pages, { pageSize: options.pageSize, title: score.title, author: score.composer });
}

/** One PDF per part, in score order, each written as its player reads it (transposing parts in written pitch). */
export async function renderPartsPdfs(score: ScoreDocument | Score, options: Pick<RenderOptions, 'pageSize'> = { pageSize: 'A4' }): Promise<PartPdf[]> {
  const pdfs: PartPdf[] = [];
  for (const part of score.parts) {
    const pdf = await renderPdf(score, { pageSize: options.pageSize, partIds: [part.id], concertPitch: false });
    pdfs.push({ partId: part.id, partName: part.name, pdf });
  }
  return pdfs;
}
