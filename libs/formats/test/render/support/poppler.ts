import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/* The real poppler tools (pdfinfo, pdftotext, pdftoppm) run on a PDF written to a temp folder. */

export interface PdfInfo {
  pages: number;
  width: number;
  height: number;
  title: string;
}

export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

function withPdf<T>(pdf: Uint8Array, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'bandpro-render-'));
  try {
    const file = join(dir, 'score.pdf');
    writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfInfo(pdf: Uint8Array): PdfInfo {
  const out = withPdf(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const field = (name: string): string => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(out)?.[1] ?? '';
  const size = /([\d.]+) x ([\d.]+) pts/.exec(field('Page size'));
  return { pages: Number(field('Pages')), width: Number(size?.[1]), height: Number(size?.[2]), title: field('Title') };
}

export function pdfText(pdf: Uint8Array, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return withPdf(pdf, (file) => execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' }));
}

/** A binary PGM (P5) as pdftoppm writes it: header, then one byte per pixel. */
export function parsePgm(bytes: Buffer): GrayImage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [, width, height] = header.map(Number);
  return { width, height, pixels: new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height)) };
}

/** Page `page` as a grey image at `dpi` dots per inch. */
export function rasterise(pdf: Uint8Array, page = 1, dpi = 50): GrayImage {
  return withPdf(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-gray', '-singlefile', file, join(dir, 'page')]);
    return parsePgm(readFileSync(join(dir, 'page.pgm')));
  });
}

const DARK = 128;

export function darkPixelCount(image: GrayImage): number {
  return image.pixels.reduce((n, p) => n + (p < DARK ? 1 : 0), 0);
}

/** Rows holding a run of dark pixels at least `minRun` long: staff lines are the only long horizontal runs. */
export function rowsWithLongDarkRuns(image: GrayImage, minRun: number): number {
  let rows = 0;
  for (let y = 0; y < image.height; y++) {
    let run = 0;
    let longest = 0;
    for (let x = 0; x < image.width; x++) {
      run = image.pixels[y * image.width + x] < DARK ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    if (longest >= minRun) rows++;
  }
  return rows;
}
