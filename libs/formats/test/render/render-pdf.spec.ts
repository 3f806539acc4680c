import { PIANO } from '@bandpro/domain/testing';
import { renderPdf, renderSvgPages } from '../../src/render';
import { darkPixelCount, pdfInfo, pdfText, rasterise, rowsWithLongDarkRuns } from './support/poppler';
import { bandScore, corpusScore } from './support/scores';

/*
 * PDFs checked with poppler as a reader would see them: page count and size, the text on the page, and the
 * first page rasterised at 50 dpi, where staff lines are the only long horizontal runs of dark pixels.
 */

const A4 = { width: 595, height: 842 };
const LETTER = { width: 612, height: 792 };

function expectPageSize(pdf: Uint8Array, size: { width: number; height: number }): void {
  const info = pdfInfo(pdf);
  expect(Math.round(info.width)).toBe(size.width);
  expect(Math.round(info.height)).toBe(size.height);
}

/**
 * At 50 dpi an A4 page is ~413 px wide. Verovio does not stretch a short last system, so a staff can be short,
 * but no letter, note head or beam makes a 40 px (20 mm) horizontal run: those are staff lines.
 */
function expectEngravedStaves(pdf: Uint8Array, minStaffLines: number): void {
  const page = rasterise(pdf, 1, 50);
  expect(darkPixelCount(page)).toBeGreaterThan(300);
  expect(rowsWithLongDarkRuns(page, 40)).toBeGreaterThanOrEqual(minStaffLines);
}

describe('the full score of HelloWorld.xml on A4', () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderPdf(corpusScore('HelloWorld.xml'), { pageSize: 'A4' });
  });

  it('should be one A4 page', () => {
    expect(pdfInfo(pdf).pages).toBe(1);
    expectPageSize(pdf, A4);
  });

  it('should print the title and the page number', () => {
    const text = pdfText(pdf);
    expect(text).toContain('HelloWorld');
    expect(text).toContain('Page 1 of 1');
  });

  it('should draw a staff: five long dark lines on the first page', () => {
    expectEngravedStaves(pdf, 5);
  });
});

describe('the full score of the Bach Air (four parts) on Letter', () => {
  const score = corpusScore('JohannSebastianBach_Air.xml');
  let pdf: Uint8Array;
  let svgPages: string[];
  beforeAll(async () => {
    svgPages = await renderSvgPages(score, { pageSize: 'Letter' });
    pdf = await renderPdf(score, { pageSize: 'Letter' });
  });

  it('should have one Letter page per page Verovio laid out, more than one', () => {
    expect(svgPages.length).toBeGreaterThan(1);
    expect(pdfInfo(pdf).pages).toBe(svgPages.length);
    expectPageSize(pdf, LETTER);
  });

  it('should head the first page with the title and the composer, and number every page', () => {
    const first = pdfText(pdf, 1);
    expect(first).toContain('Air');
    expect(first).toContain('Johann Sebastian Bach');
    expect(first).toContain(`Page 1 of ${svgPages.length}`);
    expect(pdfText(pdf, svgPages.length)).toContain(`Page ${svgPages.length} of ${svgPages.length}`);
    expect(pdfText(pdf, 2)).not.toContain('Johann Sebastian Bach');
  });

  it('should name the PDF after the score', () => {
    expect(pdfInfo(pdf).title).toBe('Air');
  });

  it('should draw the staves of all four parts on the first page', () => {
    expectEngravedStaves(pdf, 4 * 5);
  });
});

describe('a score built through the domain', () => {
  it('should print its title with XML characters, subtitle, composer and arranger on an A4 full score', async () => {
    const pdf = await renderPdf(bandScore(), { pageSize: 'A4', concertPitch: true });
    expectPageSize(pdf, A4);
    const text = pdfText(pdf);
    for (const words of ['Blue & <Bossa>', 'for the Tuesday band', 'Kenny Dorham', 'arr. Ada Lovelace', 'Page 1 of 1']) expect(text).toContain(words);
    expectEngravedStaves(pdf, 3 * 5);
  });

  it('should print one part alone, headed by its name, when asked for its id', async () => {
    const pdf = await renderPdf(bandScore(), { pageSize: 'Letter', partIds: [PIANO] });
    expectPageSize(pdf, LETTER);
    expect(pdfText(pdf)).toContain('Piano');
    expectEngravedStaves(pdf, 2 * 5);
  });
});
