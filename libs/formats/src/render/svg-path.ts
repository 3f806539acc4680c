/** What the direct SVG→PDF writer cannot draw: the page goes through svg-to-pdfkit instead. */
export class UnsupportedSvg extends Error {
  constructor(what: string) {
    super(`The SVG uses ${what}, which the direct PDF writer does not draw`);
    this.name = 'UnsupportedSvg';
  }
}

/** The smallest box holding every point a path visits, control points included (so never too small). */
export class Bounds {
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;

  add(x: number, y: number): void {
    if (x < this.minX) this.minX = x;
    if (x > this.maxX) this.maxX = x;
    if (y < this.minY) this.minY = y;
    if (y > this.maxY) this.maxY = y;
  }
}

/** A number as PDF writes it: at most two decimals (five for scale factors), no exponent, no "-0". */
export function pdfNumber(n: number, decimals: 2 | 5 = 2): string {
  const factor = decimals === 2 ? 100 : 100000;
  const rounded = Math.round(n * factor) / factor;
  return rounded === 0 ? '0' : String(rounded);
}

const TOKEN = /\s*,?\s*([MmLlHhVvCcSsQqTtZzAa]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/y;
const ARGUMENTS: Readonly<Record<string, number>> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, z: 0 };

function tokens(d: string): (string | number)[] {
  const out: (string | number)[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  for (let m = TOKEN.exec(d); m; m = TOKEN.exec(d)) {
    const t = m[1];
    const code = t.charCodeAt(0);
    out.push((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? t : Number(t));
    at = TOKEN.lastIndex;
  }
  if (d.slice(at).trim() !== '') throw new UnsupportedSvg(`path data it cannot read ("${d.slice(at, at + 20)}")`);
  return out;
}

/**
 * SVG path data as PDF path operators (m, l, c, h), in the same user space; quadratic curves become cubic.
 * `bounds`, when given, grows to hold the path. Arcs are not drawn here (Verovio emits none).
 */
export function pathToPdf(d: string, bounds?: Bounds): string {
  const t = tokens(d);
  const ops: string[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  /** The last control point, for S/T reflection, and which kind of curve set it. */
  let cx = 0;
  let cy = 0;
  let lastCurve = '';
  const point = (px: number, py: number): string => {
    bounds?.add(px, py);
    return `${pdfNumber(px)} ${pdfNumber(py)}`;
  };
  const cubic = (x1: number, y1: number, x2: number, y2: number, ex: number, ey: number): void => {
    ops.push(`${point(x1, y1)} ${point(x2, y2)} ${point(ex, ey)} c`);
    [cx, cy, x, y] = [x2, y2, ex, ey];
  };
  let command = '';
  for (let i = 0; i < t.length; ) {
    if (typeof t[i] === 'string') command = t[i++] as string;
    else if (command === '' || command === 'z' || command === 'Z') throw new UnsupportedSvg('path data without a command');
    const lower = command.toLowerCase();
    const count = ARGUMENTS[lower];
    if (count === undefined) throw new UnsupportedSvg(`the path command ${command}`);
    const a = t.slice(i, i + count) as number[];
    if (a.length < count || a.some((v) => typeof v !== 'number')) throw new UnsupportedSvg(`a path command ${command} short of numbers`);
    i += count;
    const rel = command !== command.toUpperCase();
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    let curve = '';
    switch (lower) {
      case 'm':
        [x, y] = [ox + a[0], oy + a[1]];
        [startX, startY] = [x, y];
        ops.push(`${point(x, y)} m`);
        command = rel ? 'l' : 'L';
        break;
      case 'l':
      case 'h':
      case 'v':
        x = lower === 'v' ? x : ox + a[0];
        y = lower === 'h' ? y : oy + a[lower === 'l' ? 1 : 0];
        ops.push(`${point(x, y)} l`);
        break;
      case 'c':
        cubic(ox + a[0], oy + a[1], ox + a[2], oy + a[3], ox + a[4], oy + a[5]);
        curve = 'c';
        break;
      case 's': {
        const [rx, ry] = lastCurve === 'c' ? [2 * x - cx, 2 * y - cy] : [x, y];
        cubic(rx, ry, ox + a[0], oy + a[1], ox + a[2], oy + a[3]);
        curve = 'c';
        break;
      }
      case 'q':
      case 't': {
        const [qx, qy] = lower === 'q' ? [ox + a[0], oy + a[1]] : lastCurve === 'q' ? [2 * x - cx, 2 * y - cy] : [x, y];
        const [ex, ey] = lower === 'q' ? [ox + a[2], oy + a[3]] : [ox + a[0], oy + a[1]];
        cubic(x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey), ex, ey);
        [cx, cy] = [qx, qy];
        curve = 'q';
        break;
      }
      default:
        ops.push('h');
        [x, y] = [startX, startY];
    }
    lastCurve = curve;
  }
  return ops.join(' ');
}
