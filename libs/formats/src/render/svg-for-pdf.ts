const DRAWN = /<(path|rect|polygon|polyline|ellipse)\b(?![^>]*\bstroke=)/g;
/** PDF's standard fonts have no ♭ or ♯ (part names like "Trumpet in B♭" would lose them): spell them out. */
const ACCIDENTALS: Readonly<Record<string, string>> = { '\u266d': 'b', '\u266f': '#', '\u266e': '' };
const STYLE = /<style\b[^>]*>[\s\S]*?<\/style>/g;
/** Verovio's page head and other text blocks: <text font-size="0"><tspan class="rend" x y anchor><tspan class="text"><tspan font-size>…</tspan>. */
const NESTED_TEXT =
  /<text\b[^>]*>\s*<tspan\b[^>]*?class="rend"([^>]*)>\s*<tspan\b[^>]*class="text"[^>]*>\s*<tspan font-size="([\d.]+px)">([^<]*)<\/tspan>\s*<\/tspan>\s*<\/tspan>\s*<\/text>/g;

/**
 * Makes Verovio's SVG drawable by svg-to-pdfkit, which ignores style sheets and loses positions set on nested
 * tspans:
 * - staff lines, stems, barlines and ledger lines take their colour from a CSS rule (`stroke: currentColor`),
 *   so they would vanish: the colour goes on each shape instead, and the style blocks go (one embeds a
 *   100 kB web font the PDF cannot use);
 * - the title and composer sit in a tspan inside a zero-sized <text>, which would print at the page's left
 *   edge (or off it): they become one plain <text> each;
 * - ♭ and ♯ in names and texts are written b and #, which the standard PDF fonts can print.
 */
export function svgForPdf(svg: string): string {
  return svg
    .replace(STYLE, '')
    .replace(DRAWN, '<$1 stroke="black"')
    .replace(NESTED_TEXT, (_, position: string, size: string, text: string) => `<text${position} font-size="${size}">${text}</text>`)
    .replace(/[\u266d\u266e\u266f]/g, (sign) => ACCIDENTALS[sign]);
}
