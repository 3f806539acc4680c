import type { Score, ScoreDocument } from '@bandpro/domain';
import PDFDocument = require('pdfkit');

import SVGtoPDF = require('svg-to-pdfkit');
import { PAGE_SIZES } from './page-size';
import { engravingMusicXml, type RenderOptions, staffCount, verovioOptions } from './render-svg';
import { svgForPdf } from './svg-for-pdf';
import { type PageText, type PdfPagePlan, planSvgPage } from './svg-page';
import { UnsupportedSvg } from './svg-path';
import { engraveInThreads } from './verovio-pool';

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

function drawText(doc: PDFDocument, text: PageText): void {
  const widths = text.runs.map((r) => doc.font(r.font).fontSize(r.size).widthOfString(r.text));
  const total = widths.reduce((a, b) => a + b, 0);
  let x = text.x - (text.anchor === 'middle' ? total / 2 : text.anchor === 'end' ? total : 0);
  text.runs.forEach((r, i) => {
    doc.font(r.font).fontSize(r.size).text(r.text, x, text.y, { lineBreak: false, baseline: 'alphabetic' });
    x += widths[i];
  });
}

/** Glyph form objects written once per document, shared by every page that draws the same glyph. */
type GlyphForms = Map<string, PDFDocument.PDFReference>;

function drawPlan(doc: PDFDocument, plan: PdfPagePlan, forms: GlyphForms): void {
  plan.glyphs.forEach((glyph, i) => {
    let form = forms.get(glyph.content);
    if (!form) {
      form = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: glyph.bbox });
      form.end(glyph.content);
      forms.set(glyph.content, form);
    }
    doc.page.xobjects[`G${i}`] = form;
  });
  doc.addContent(`q\n${plan.content}\nQ`);
  for (const text of plan.texts) drawText(doc, text);
}

/** A page planned for direct drawing, or, beyond the subset svg-page.ts draws, its SVG for svg-to-pdfkit. */
type PlannedPage = PdfPagePlan | string;

function planPage(svg: string, size: { width: number; height: number }): PlannedPage {
  try {
    return planSvgPage(svg, size.width, size.height);
  } catch (error) {
    if (error instanceof UnsupportedSvg) return svg;
    throw error;
  }
}

function writePdf(pages: readonly PlannedPage[], options: Pick<RenderOptions, 'pageSize'> & { title: string; author: string }): Promise<Uint8Array> {
  const { width, height } = PAGE_SIZES[options.pageSize].points;
  const doc = new PDFDocument({ size: [width, height], margin: 0, autoFirstPage: false, info: { Title: options.title, Author: options.author } });
  const bytes = collect(doc);
  const forms: GlyphForms = new Map();
  pages.forEach((page, i) => {
    doc.addPage();
    if (typeof page !== 'string') drawPlan(doc, page, forms);
    else SVGtoPDF(doc, svgForPdf(page), 0, 0, { width, height, preserveAspectRatio: 'xMidYMin meet' });
    drawPageNumber(doc, i + 1, pages.length);
  });
  doc.end();
  return bytes;
}

/**
 * Lays SVG pages out as a PDF of the given size, one page each, numbered at the foot. Verovio's pages are
 * drawn directly (svg-page.ts); a page using SVG beyond what Verovio emits goes through svg-to-pdfkit.
 */
export function pagesToPdf(svgPages: readonly string[], options: Pick<RenderOptions, 'pageSize'> & { title: string; author: string }): Promise<Uint8Array> {
  const size = PAGE_SIZES[options.pageSize].points;
  return writePdf(svgPages.map((svg) => planPage(svg, size)), options);
}

/**
 * The score as a PDF: the full score, or with `partIds` those parts only. Title and composer head the first
 * page (Verovio's header from the MusicXML work title and credits); every page carries its number.
 */
export async function renderPdf(score: ScoreDocument | Score, options: RenderOptions): Promise<Uint8Array> {
  const size = PAGE_SIZES[options.pageSize].points;
  const pages: PlannedPage[] = [];
  // Pages are planned as the engraver threads deliver them, while they draw the next ones.
  await engraveInThreads(engravingMusicXml(score, options), verovioOptions(options.pageSize, true, staffCount(score, options.partIds)), (page, svg) => {
    pages[page - 1] = planPage(svg, size);
  });
  return writePdf(pages, { pageSize: options.pageSize, title: score.title, author: score.composer });
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
