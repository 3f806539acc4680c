import PDFDocument = require('pdfkit');
import SVGtoPDF = require('svg-to-pdfkit');
import { renderSvgPages } from '../../src/render';
import { svgForPdf } from '../../src/render/svg-for-pdf';
import { verovioToolkit } from '../../src/render/verovio-toolkit';
import { rasterise, rowsWithLongDarkRuns } from './support/poppler';
import { corpusScore } from './support/scores';

function rawPdf(svg: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: [595.28, 841.89], margin: 0 });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  SVGtoPDF(doc, svg, 0, 0, { width: 595.28, height: 841.89 });
  doc.end();
  return done;
}

describe('Verovio SVG made drawable by svg-to-pdfkit', () => {
  let svg: string;
  beforeAll(async () => {
    [svg] = await renderSvgPages(corpusScore('HelloWorld.xml'), { pageSize: 'A4' });
  });

  it('should lose the staff lines without the inlined strokes, and keep them with (the trap this guards against)', async () => {
    expect(rowsWithLongDarkRuns(rasterise(await rawPdf(svg)), 40)).toBe(0);
    expect(rowsWithLongDarkRuns(rasterise(await rawPdf(svgForPdf(svg))), 40)).toBeGreaterThanOrEqual(5);
  });

  it('should drop the style sheets and colour every unstroked shape', () => {
    const ready = svgForPdf(svg);
    expect(svg).toContain('<style');
    expect(ready).not.toContain('<style');
    expect(ready).not.toMatch(/<(path|rect|polygon|polyline|ellipse)\b(?![^>]*\bstroke=)/);
  });

  it('should flatten nested header text into one positioned <text>, and spell ♭ and ♯ out', () => {
    const head = '<text font-size="0px"><tspan id="a" class="rend" x="10000" y="277" text-anchor="middle"><tspan id="b" class="text"><tspan font-size="405px">Trumpet in B♭ / F♯ / C♮</tspan></tspan></tspan></text>';
    expect(svgForPdf(head)).toBe('<text x="10000" y="277" text-anchor="middle" font-size="405px">Trumpet in Bb / F# / C</text>');
  });

  it('should keep one Verovio toolkit for the process', async () => {
    expect(await verovioToolkit()).toBe(await verovioToolkit());
  });
});
