import { readXmlTree, type XmlElement } from '../musicxml/io/xml-parser';
import { Bounds, pathToPdf, pdfNumber, UnsupportedSvg } from './svg-path';

/*
 * Verovio's SVG page as PDF drawing operators, without a general SVG renderer: Verovio draws with paths,
 * polygons, polylines, ellipses and rects (stroked in black by its style sheet, as svg-to-pdfkit could not
 * see), music glyphs as <use> of symbols in <defs> (here PDF form objects, written once per document), and
 * text in nested tspans. Anything else throws UnsupportedSvg. The plan is plain data, so a worker can make it.
 */

export type StandardFont = 'Times-Roman' | 'Times-Bold' | 'Times-Italic';

export interface TextRun {
  text: string;
  font: StandardFont;
  /** In points. */
  size: number;
}

export interface PageText {
  /** The anchor point of the text's baseline, in points from the page's top-left corner. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  runs: TextRun[];
}

export interface GlyphForm {
  /** Operators in the glyph's own units. */
  content: string;
  bbox: [number, number, number, number];
}

export interface PdfPagePlan {
  /** Operators for the page, in points from its top-left corner (pdfkit's user space); glyphs are /G<i>. */
  content: string;
  glyphs: GlyphForm[];
  texts: PageText[];
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

const TRANSFORM = /\s*(translate|scale|matrix|rotate)\s*\(([^)]*)\)\s*,?/y;

function parseTransform(value: string): Matrix {
  let m = IDENTITY;
  TRANSFORM.lastIndex = 0;
  let at = 0;
  for (let t = TRANSFORM.exec(value); t; t = TRANSFORM.exec(value)) {
    const a = t[2].split(/[\s,]+/).filter(Boolean).map(Number);
    const [p, q = t[1] === 'scale' ? p : 0] = a;
    if (t[1] === 'translate') m = multiply(m, [1, 0, 0, 1, p, q]);
    else if (t[1] === 'scale') m = multiply(m, [p, 0, 0, q, 0, 0]);
    else if (t[1] === 'matrix' && a.length === 6) m = multiply(m, a as Matrix);
    else if (t[1] === 'rotate' && a.length === 1) {
      const r = (p * Math.PI) / 180;
      m = multiply(m, [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]);
    } else throw new UnsupportedSvg(`the transform ${t[0].trim()}`);
    at = TRANSFORM.lastIndex;
  }
  if (value.slice(at).trim() !== '') throw new UnsupportedSvg(`the transform "${value}"`);
  return m;
}

const cm = (m: Matrix): string => `${m.map((v) => pdfNumber(v, 5)).join(' ')} cm`;

function numberAttr(el: XmlElement, name: string, fallback = 0): number {
  const raw = el.attrs[name];
  if (raw === undefined) return fallback;
  const n = parseFloat(raw);
  if (!Number.isFinite(n)) throw new UnsupportedSvg(`${name}="${raw}"`);
  return n;
}

function viewBox(el: XmlElement): [number, number, number, number] {
  const box = (el.attrs.viewBox ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
  if (box.length !== 4 || box.some((n) => !Number.isFinite(n)) || box[2] <= 0 || box[3] <= 0) throw new UnsupportedSvg('an <svg> without a usable viewBox');
  return box as [number, number, number, number];
}

/** The viewBox fitted into a viewport, keeping its aspect ("meet"), centred across, at the top or the middle. */
function fit(box: [number, number, number, number], width: number, height: number, alignTop: boolean): Matrix {
  const s = Math.min(width / box[2], height / box[3]);
  const dy = alignTop ? 0 : (height - box[3] * s) / 2;
  return [s, 0, 0, s, (width - box[2] * s) / 2 - box[0] * s, dy - box[1] * s];
}

const ANCHORS = new Set(['start', 'middle', 'end']);
/** SMuFL accidentals Verovio writes in its music font inside text (chord symbols); other music-font text is dropped. */
const SMUFL_TEXT: Readonly<Record<string, string>> = { '\ue260': 'b', '\ue261': '', '\ue262': '#' };
const ACCIDENTALS: Readonly<Record<string, string>> = { '\u266d': 'b', '\u266f': '#', '\u266e': '' };

function fontFor(classes: readonly string[]): StandardFont {
  if (classes.some((c) => c === 'tempo' || c === 'reh' || c === 'ending' || c === 'fing')) return 'Times-Bold';
  if (classes.some((c) => c === 'dir' || c === 'dynam' || c === 'mNum')) return 'Times-Italic';
  return 'Times-Roman';
}

interface Paint {
  width: number;
  cap: number;
  join: number;
}

const CAPS: Readonly<Record<string, number>> = { butt: 0, round: 1, square: 2 };
const JOINS: Readonly<Record<string, number>> = { miter: 0, round: 1, bevel: 2 };

class PagePlanner {
  private readonly ops: string[] = ['0 g 0 G'];
  private readonly defs = new Map<string, XmlElement>();
  private readonly glyphIndex = new Map<string, number>();
  private readonly glyphs: GlyphForm[] = [];
  private readonly texts: PageText[] = [];
  /** Line width, cap and join in force, saved at each q and restored at each Q. */
  private paint: Paint = { width: -1, cap: 0, join: 0 };
  private readonly saved: Paint[] = [];

  constructor(private readonly pageWidth: number, private readonly pageHeight: number) {}

  plan(root: XmlElement): PdfPagePlan {
    if (root.name !== 'svg') throw new UnsupportedSvg(`a root <${root.name}>`);
    this.collectDefs(root);
    this.push(fit(viewBox(root), this.pageWidth, this.pageHeight, true), IDENTITY, (ctm) => this.children(root, ctm, [], [0, 0, ...viewBox(root).slice(2)] as [number, number, number, number]));
    return { content: this.ops.join('\n'), glyphs: this.glyphs, texts: this.texts };
  }

  private collectDefs(el: XmlElement): void {
    for (const child of el.children) {
      if (child.name === 'defs') for (const def of child.children) if (def.attrs.id) this.defs.set(def.attrs.id, def);
      if (child.name === 'svg') this.collectDefs(child);
    }
  }

  /** Draws inside `q <m> cm … Q`, or without them when m is the identity. */
  private push(m: Matrix, ctm: Matrix, draw: (ctm: Matrix) => void): void {
    const plain = m.every((v, i) => v === IDENTITY[i]);
    if (plain) return draw(ctm);
    this.ops.push(`q ${cm(m)}`);
    this.saved.push(this.paint);
    draw(multiply(ctm, m));
    this.paint = this.saved.pop() as Paint;
    this.ops.push('Q');
  }

  private children(el: XmlElement, ctm: Matrix, classes: readonly string[], viewport: [number, number, number, number]): void {
    for (const child of el.children) this.element(child, ctm, classes, viewport);
  }

  private element(el: XmlElement, ctm: Matrix, classes: readonly string[], viewport: [number, number, number, number]): void {
    const own = el.attrs.transform ? parseTransform(el.attrs.transform) : IDENTITY;
    switch (el.name) {
      case 'defs':
      case 'desc':
      case 'title':
      case 'style':
      case 'metadata':
        return;
      case 'svg': {
        const box = viewBox(el);
        const [w, h] = [numberAttr(el, 'width', viewport[2]), numberAttr(el, 'height', viewport[3])];
        const place = multiply([1, 0, 0, 1, numberAttr(el, 'x'), numberAttr(el, 'y')], fit(box, w, h, false));
        return this.push(place, ctm, (inner) => this.children(el, inner, classes, [0, 0, box[2], box[3]]));
      }
      case 'g':
        return this.push(own, ctm, (inner) => this.children(el, inner, [...classes, ...(el.attrs.class ?? '').split(' ')], viewport));
      case 'use':
        return this.push(multiply(own, [1, 0, 0, 1, numberAttr(el, 'x'), numberAttr(el, 'y')]), ctm, () => this.ops.push(`/G${this.glyph(el)} Do`));
      case 'text':
        return this.text(el, multiply(ctm, own), classes);
      default:
        return this.push(own, ctm, () => this.shape(el, this.ops));
    }
  }

  private glyph(use: XmlElement): number {
    const href = use.attrs['xlink:href'] ?? use.attrs.href ?? '';
    const known = this.glyphIndex.get(href);
    if (known !== undefined) return known;
    const def = href.startsWith('#') ? this.defs.get(href.slice(1)) : undefined;
    if (!def) throw new UnsupportedSvg(`a <use> of ${href || 'nothing'}`);
    const ops: string[] = [];
    const bounds = new Bounds();
    const shapes = def.name === 'g' || def.name === 'symbol' ? def.children : [def];
    for (const shape of shapes) {
      const m = shape.attrs.transform ? parseTransform(shape.attrs.transform) : IDENTITY;
      const own = new Bounds();
      ops.push(`q ${cm(m)}`);
      this.shape(shape, ops, own, true);
      ops.push('Q');
      for (const [x, y] of [[own.minX, own.minY], [own.maxX, own.maxY], [own.minX, own.maxY], [own.maxX, own.minY]]) bounds.add(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
    }
    const margin = 2 + Math.max(1, ...shapes.map((s) => numberAttr(s, 'stroke-width', 1)));
    const bbox: GlyphForm['bbox'] = Number.isFinite(bounds.minX)
      ? [bounds.minX - margin, bounds.minY - margin, bounds.maxX + margin, bounds.maxY + margin]
      : [0, 0, 0, 0];
    this.glyphs.push({ content: ops.join('\n'), bbox: bbox.map((n) => Math.round(n)) as GlyphForm['bbox'] });
    this.glyphIndex.set(href, this.glyphs.length - 1);
    return this.glyphs.length - 1;
  }

  /** One shape: its outline, then stroke settings and the painting operator (its style sheet strokes every shape). */
  private shape(el: XmlElement, ops: string[], bounds?: Bounds, ownState = false): void {
    const outline = this.outline(el, bounds);
    const fill = el.attrs.fill !== 'none' && el.name !== 'line';
    const stroke = el.attrs.stroke !== 'none';
    const paint: Paint = { width: numberAttr(el, 'stroke-width', 1), cap: CAPS[el.attrs['stroke-linecap'] ?? 'butt'] ?? 0, join: JOINS[el.attrs['stroke-linejoin'] ?? 'miter'] ?? 0 };
    const current = ownState ? { width: -1, cap: -1, join: -1 } : this.paint;
    if (stroke && paint.width !== current.width) ops.push(`${pdfNumber(paint.width)} w`);
    if (stroke && paint.cap !== current.cap) ops.push(`${paint.cap} J`);
    if (stroke && paint.join !== current.join) ops.push(`${paint.join} j`);
    if (stroke && !ownState) this.paint = paint;
    ops.push(`${outline} ${fill && stroke ? 'B' : fill ? 'f' : stroke ? 'S' : 'n'}`);
  }

  private outline(el: XmlElement, bounds?: Bounds): string {
    switch (el.name) {
      case 'path':
        return pathToPdf(el.attrs.d ?? '', bounds);
      case 'polygon':
      case 'polyline': {
        const n = (el.attrs.points ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
        if (n.length < 4 || n.length % 2 !== 0 || n.some((v) => !Number.isFinite(v))) throw new UnsupportedSvg(`<${el.name} points="${el.attrs.points}">`);
        const d = `M${n.slice(0, 2).join(' ')} L${n.slice(2).join(' ')}${el.name === 'polygon' ? ' Z' : ''}`;
        return pathToPdf(d, bounds);
      }
      case 'rect': {
        const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => numberAttr(el, a));
        return pathToPdf(`M${x} ${y} h${w} v${h} h${-w} Z`, bounds);
      }
      case 'line':
        return pathToPdf(`M${numberAttr(el, 'x1')} ${numberAttr(el, 'y1')} L${numberAttr(el, 'x2')} ${numberAttr(el, 'y2')}`, bounds);
      case 'ellipse':
      case 'circle': {
        const [x, y] = [numberAttr(el, 'cx'), numberAttr(el, 'cy')];
        const [rx, ry] = el.name === 'circle' ? [numberAttr(el, 'r'), numberAttr(el, 'r')] : [numberAttr(el, 'rx'), numberAttr(el, 'ry')];
        const [kx, ky] = [rx * 0.5523, ry * 0.5523];
        return pathToPdf(`M${x + rx} ${y} C${x + rx} ${y + ky} ${x + kx} ${y + ry} ${x} ${y + ry} C${x - kx} ${y + ry} ${x - rx} ${y + ky} ${x - rx} ${y} C${x - rx} ${y - ky} ${x - kx} ${y - ry} ${x} ${y - ry} C${x + kx} ${y - ry} ${x + rx} ${y - ky} ${x + rx} ${y} Z`, bounds);
      }
      default:
        throw new UnsupportedSvg(`<${el.name}>`);
    }
  }

  /** A <text> as runs of standard-font text; a tspan with its own x or y starts a new line of runs. */
  private text(el: XmlElement, ctm: Matrix, classes: readonly string[]): void {
    const scale = Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]));
    const font = fontFor(classes);
    let current: PageText | undefined;
    const start = (node: XmlElement, anchor: string | undefined): void => {
      const [x, y] = [numberAttr(node, 'x'), numberAttr(node, 'y')];
      current = { x: ctm[0] * x + ctm[2] * y + ctm[4], y: ctm[1] * x + ctm[3] * y + ctm[5], anchor: ANCHORS.has(anchor ?? '') ? (anchor as PageText['anchor']) : 'start', runs: [] };
      this.texts.push(current);
    };
    const visit = (node: XmlElement, size: number, family: string, anchor: string | undefined): void => {
      const ownSize = node.attrs['font-size'] ? numberAttr(node, 'font-size') : size;
      const ownFamily = node.attrs['font-family'] ?? family;
      const ownAnchor = node.attrs['text-anchor'] ?? anchor;
      if (node === el || node.attrs.x !== undefined || node.attrs.y !== undefined) start(node, ownAnchor);
      if (node.children.length > 0) {
        if (node.text.trim() !== '') throw new UnsupportedSvg('text beside tspans');
        for (const child of node.children) visit(child, ownSize, ownFamily, ownAnchor);
        return;
      }
      const music = ownFamily.includes('Leipzig') || ownFamily.includes('Bravura');
      const text = [...node.text.replace(/\s+/g, ' ')].map((c) => (music ? (SMUFL_TEXT[c] ?? '') : (ACCIDENTALS[c] ?? c))).join('');
      if (text !== '' && ownSize > 0 && current) current.runs.push({ text, font, size: ownSize * scale });
    };
    visit(el, numberAttr(el, 'font-size', 16), el.attrs['font-family'] ?? '', el.attrs['text-anchor']);
  }
}

/** Plans the drawing of one Verovio SVG page on a page of that many points (scaled to fit, at the top). */
export function planSvgPage(svg: string, pageWidth: number, pageHeight: number): PdfPagePlan {
  const plan = new PagePlanner(pageWidth, pageHeight).plan(readXmlTree(svg));
  for (const t of plan.texts) {
    const runs = t.runs;
    if (runs.length === 0) continue;
    runs[0].text = runs[0].text.trimStart();
    runs[runs.length - 1].text = runs[runs.length - 1].text.trimEnd();
    t.runs = runs.filter((r) => r.text !== '');
  }
  plan.texts = plan.texts.filter((t) => t.runs.length > 0);
  return plan;
}
