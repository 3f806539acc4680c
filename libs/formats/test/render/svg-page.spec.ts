import { pagesToPdf } from '../../src/render/render-pdf';
import { planSvgPage } from '../../src/render/svg-page';
import { Bounds, pathToPdf, pdfNumber, UnsupportedSvg } from '../../src/render/svg-path';
import { darkPixelCount, pdfInfo, pdfText, rasterise, rowsWithLongDarkRuns } from './support/poppler';

/** A page shaped like Verovio's: an outer viewBox in px, an inner "definition-scale" svg, glyphs in <defs>. */
function verovioPage(body: string, defs = ''): string {
  return `<svg viewBox="0 0 840 1188" version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" overflow="visible" id="p1">
   <desc>Engraved by Verovio</desc>
   <defs>${defs}</defs>
   <style type="text/css">#p1 path {stroke:currentColor}</style>
   <svg class="definition-scale" color="black" font-family="Times, serif" viewBox="0 0 21000 29700">
      <g class="page-margin" transform="translate(500, 500)">${body}</g>
   </svg>
</svg>`;
}

const NOTEHEAD = '<g id="E0A4-p1"><path transform="scale(1,-1)" d="M0 -39c0 68 73 172 200 172c66 0 114 -37 114 -95c0 -84 -106 -171 -218 -171c-64 0 -96 30 -96 94z" /></g>';
const A4 = { width: 595.28, height: 841.89 };

describe('SVG path data as PDF operators', () => {
  it('should write absolute and relative lines, curves and closes in the same user space', () => {
    expect(pathToPdf('M10 20 L30 40 h5 v-5 H0 V1 l1,1 z')).toBe('10 20 m 30 40 l 35 40 l 35 35 l 0 35 l 0 1 l 1 2 l h');
    expect(pathToPdf('M0 0 c1 2 3 4 5 6 s7 8 9 10')).toBe('0 0 m 1 2 3 4 5 6 c 7 8 12 14 14 16 c');
    expect(pathToPdf('M0 0 C1 2 3 4 5 6 S 1 1 2 2')).toBe('0 0 m 1 2 3 4 5 6 c 7 8 1 1 2 2 c');
  });

  it('should treat numbers after a move as lines, and reflect nothing for a smooth curve after a line', () => {
    expect(pathToPdf('M0 0 10 0 10 10')).toBe('0 0 m 10 0 l 10 10 l');
    expect(pathToPdf('M0 0 L3 3 S4 4 5 5')).toBe('0 0 m 3 3 l 3 3 4 4 5 5 c');
  });

  it('should turn quadratic curves into cubic ones, smooth ones reflected', () => {
    expect(pathToPdf('M0 0 Q3 3 6 0 T12 0')).toBe('0 0 m 2 2 4 2 6 0 c 8 -2 10 -2 12 0 c');
    expect(pathToPdf('M0 0 q3 3 6 0 t6 0')).toBe('0 0 m 2 2 4 2 6 0 c 8 -2 10 -2 12 0 c');
    expect(pathToPdf('M0 0 T6 0')).toBe('0 0 m 0 0 2 0 6 0 c');
  });

  it('should grow the bounds to every point, control points included', () => {
    const bounds = new Bounds();
    pathToPdf('M0 -39c0 68 73 172 200 172', bounds);
    expect([bounds.minX, bounds.minY, bounds.maxX, bounds.maxY]).toEqual([0, -39, 200, 133]);
  });

  it('should write at most two decimals and no negative zero', () => {
    expect([pdfNumber(1.23456), pdfNumber(-0.001), pdfNumber(1e-7), pdfNumber(-2.5), pdfNumber(0.708661, 5)]).toEqual(['1.23', '0', '0', '-2.5', '0.70866']);
  });

  it.each([
    ['an arc', 'M0 0 A5 5 0 0 1 10 10'],
    ['numbers before any command', '5 5 L1 1'],
    ['a command short of numbers', 'M0 0 C1 2 3'],
    ['text that is no path data', 'M0 0 L1 1 #!'],
  ])('should leave %s to the general renderer (UnsupportedSvg)', (_what, d) => {
    expect(() => pathToPdf(d)).toThrow(UnsupportedSvg);
  });
});

describe('planning the drawing of a Verovio page', () => {
  it('should fit the page at the top and scale the inner viewBox onto the outer one', () => {
    const plan = planSvgPage(verovioPage('<path d="M0 0 L100 0" stroke-width="13" stroke-linecap="round" stroke-linejoin="bevel"/>'), A4.width, A4.height);
    const s = Math.min(A4.width / 840, A4.height / 1188);
    expect(plan.content).toContain(`q ${pdfNumber(s, 5)} 0 0 ${pdfNumber(s, 5)} ${pdfNumber((A4.width - 840 * s) / 2, 5)} 0 cm`);
    expect(plan.content).toContain('q 0.04 0 0 0.04 0 0 cm');
    expect(plan.content).toContain('q 1 0 0 1 500 500 cm');
    expect(plan.content).toContain('13 w\n1 J\n2 j\n0 0 m 100 0 l B');
  });

  it('should write each glyph once as a form, drawn wherever it is used', () => {
    const uses = '<use xlink:href="#E0A4-p1" transform="translate(10, 20) scale(0.72, 0.72)"/><use href="#E0A4-p1" x="5" y="6"/>';
    const plan = planSvgPage(verovioPage(uses, NOTEHEAD), A4.width, A4.height);
    expect(plan.glyphs).toHaveLength(1);
    expect(plan.glyphs[0].content).toContain('q 1 0 0 -1 0 0 cm\n1 w\n0 J\n0 j\n0 -39 m');
    expect(plan.glyphs[0].bbox).toEqual([-3, -136, 317, 136]);
    expect(plan.content).toContain('q 0.72 0 0 0.72 10 20 cm\n/G0 Do\nQ');
    expect(plan.content).toContain('q 1 0 0 1 5 6 cm\n/G0 Do\nQ');
  });

  it('should fill and stroke shapes as the style sheet does, and only stroke unfilled ones', () => {
    const shapes = [
      '<polygon points="0,0 10,0 10,5"/>',
      '<polyline points="0 0 10 10 20 0" fill="none" stroke-width="9"/>',
      '<rect x="1" y="2" width="3" height="4" stroke="none"/>',
      '<ellipse cx="10" cy="10" rx="2" ry="2"/>',
      '<circle cx="0" cy="0" r="1" fill="none" stroke="none"/>',
      '<line x1="0" y1="0" x2="5" y2="0"/>',
    ].join('');
    const content = planSvgPage(verovioPage(shapes), A4.width, A4.height).content;
    expect(content).toContain('0 0 m 10 0 l 10 5 l h B');
    expect(content).toContain('9 w\n0 0 m 10 10 l 20 0 l S');
    expect(content).toContain('1 2 m 4 2 l 4 6 l 1 6 l h f');
    expect(content).toMatch(/12 10 m 12 11.1 11.1 12 10 12 c .* h B/);
    expect(content).toMatch(/1 0 m .* h n\n0 0 m 5 0 l S/);
  });

  it('should apply matrix and rotate transforms', () => {
    const plan = planSvgPage(verovioPage('<g transform="matrix(1 0 0 1 7 8) rotate(90)"><path d="M0 0 L1 0"/></g>'), A4.width, A4.height);
    expect(plan.content).toContain('q 0 1 -1 0 7 8 cm');
  });

  it('should set text in the standard fonts, anchored, at its size on the page', () => {
    const texts = [
      '<text x="3484" y="2298" text-anchor="end" font-size="0px"><tspan class="text"><tspan font-size="405px">Trumpet in B♭</tspan></tspan></text>',
      '<g class="tempo"><text x="100" y="200" font-size="0px"><tspan class="text"><tspan font-size="405px">Allegro </tspan></tspan><tspan class="text"><tspan font-family="Leipzig" font-size="720px">\ue1d5</tspan></tspan><tspan class="text"><tspan font-size="405px"> = 120</tspan></tspan></text></g>',
      '<g class="harm"><text x="0" y="0" font-size="0px"><tspan class="text"><tspan font-size="405px">B</tspan><tspan font-family="Leipzig" font-size="720px">\ue260</tspan></tspan></text></g>',
      '<g class="dir"><text font-size="0px"><tspan class="rend" x="10000" y="277" text-anchor="middle"><tspan class="text"><tspan font-size="405px">  dolce </tspan></tspan></tspan></text></g>',
      '<text x="1" y="1" font-size="0px"><tspan font-size="405px">   </tspan></text>',
    ].join('');
    const scale = Math.min(A4.width / 840, A4.height / 1188) * 0.04;
    const plan = planSvgPage(verovioPage(texts), A4.width, A4.height);
    expect(plan.texts.map((t) => [t.anchor, t.runs.map((r) => `${r.font}:${r.text}`).join('|')])).toEqual([
      ['end', 'Times-Roman:Trumpet in Bb'],
      ['start', 'Times-Bold:Allegro |Times-Bold: = 120'],
      ['start', 'Times-Roman:B|Times-Roman:b'],
      ['middle', 'Times-Italic:dolce'],
    ]);
    expect(plan.texts[0].x).toBeCloseTo((A4.width - 840 * scale * 25) / 2 + (500 + 3484) * scale, 2);
    expect(plan.texts[0].y).toBeCloseTo((500 + 2298) * scale, 2);
    expect(plan.texts[0].runs[0].size).toBeCloseTo(405 * scale, 4);
  });

  it.each([
    ['an element it does not draw', '<image href="x.png" width="10" height="10"/>'],
    ['a transform it does not know', '<g transform="skewX(10)"><path d="M0 0 L1 1"/></g>'],
    ['a transform with trailing text', '<g transform="translate(1 2) junk"><path d="M0 0 L1 1"/></g>'],
    ['a use of a missing symbol', '<use xlink:href="#nowhere"/>'],
    ['a number it cannot read', '<rect x="one" y="0" width="1" height="1"/>'],
    ['bad polygon points', '<polygon points="0 0 1"/>'],
    ['text beside tspans', '<text x="0" y="0">a<tspan>b</tspan></text>'],
    ['a nested svg without a viewBox', '<svg><path d="M0 0 L1 1"/></svg>'],
  ])('should refuse %s with UnsupportedSvg', (_what, body) => {
    expect(() => planSvgPage(verovioPage(body), A4.width, A4.height)).toThrow(UnsupportedSvg);
  });

  it('should refuse a document that is not an svg', () => {
    expect(() => planSvgPage('<html/>', A4.width, A4.height)).toThrow(UnsupportedSvg);
  });
});

describe('writing planned pages into a PDF', () => {
  const staff = [0, 180, 360, 540, 720].map((y) => `<path d="M0 ${y} L15000 ${y}" stroke-width="13"/>`).join('');
  const heads = Array.from({ length: 20 }, (_, i) => `<use xlink:href="#E0A4-p1" transform="translate(${500 + i * 700}, 360) scale(0.72, 0.72)"/>`).join('');
  const title = '<text font-size="0px"><tspan class="rend" x="10000" y="-200" text-anchor="middle"><tspan class="text"><tspan font-size="405px">Direct Title</tspan></tspan></tspan></text>';

  it('should draw staff lines, glyphs and text that poppler reads, sharing one form per glyph', async () => {
    const page = verovioPage(staff + heads + title, NOTEHEAD);
    const pdf = await pagesToPdf([page, page], { pageSize: 'A4', title: 'Direct', author: 'Test' });
    expect(pdfInfo(pdf).pages).toBe(2);
    expect(pdfText(pdf, 2)).toContain('Direct Title');
    expect(pdfText(pdf, 2)).toContain('Page 2 of 2');
    const image = rasterise(pdf, 1, 50);
    expect(rowsWithLongDarkRuns(image, 40)).toBeGreaterThanOrEqual(5);
    expect(darkPixelCount(image)).toBeGreaterThan(1500);
    expect(Buffer.from(pdf).toString('latin1').match(/\/Subtype \/Form/g)).toHaveLength(1);
  });

  it('should draw a page beyond the subset through svg-to-pdfkit, staff lines and text included', async () => {
    const page = verovioPage(`${staff}<path d="M0 0 A50 50 0 0 1 100 100" stroke-width="5"/>${title}`);
    const pdf = await pagesToPdf([page], { pageSize: 'Letter', title: 'Fallback', author: 'Test' });
    expect(pdfText(pdf)).toContain('Direct Title');
    expect(rowsWithLongDarkRuns(rasterise(pdf, 1, 50), 40)).toBeGreaterThanOrEqual(5);
  });
});
