import type { Score, ScoreDocument } from '@bandpro/domain';
import { exportMusicXml } from '../musicxml';
import { type PageCredits, withPageCredits } from './page-credits';
import { PAGE_SIZES, type PageSize } from './page-size';
import { ScoreMustBeEngravable } from './render-errors';
import { verovioToolkit } from './verovio-toolkit';

export interface RenderOptions {
  /** Only these parts, in score order (default: the full score). */
  partIds?: readonly string[];
  /** Sounding pitches; by default transposing parts are written as their players read them. */
  concertPitch?: boolean;
  pageSize: PageSize;
}

/** The engraving scale (percent of Verovio's staff size) for a part or a band of a dozen staves; bigger scores go smaller. */
export const FULL_SCALE = 40;
/** How many staves one system may have at the full scale and still fit an A4 page under the title (measured). */
const STAVES_AT_FULL_SCALE = 11;
const A4_HEIGHT_TENTHS_MM = 2970;
const SMALLEST_SCALE = 15;

/**
 * Verovio never splits a system across pages: one taller than the page runs off its foot, and the lower staves
 * are lost. So the scale shrinks with the staff count until one system (and the first page's title) fits.
 */
export function scaleFor(staves: number, pageHeightTenthsMm: number): number {
  const fitting = Math.floor((FULL_SCALE * STAVES_AT_FULL_SCALE * pageHeightTenthsMm) / (A4_HEIGHT_TENTHS_MM * Math.max(1, staves)));
  return Math.max(SMALLEST_SCALE, Math.min(FULL_SCALE, fitting));
}

/** How many staves a system of these parts has. */
export function staffCount(score: ScoreDocument | Score, partIds: readonly string[] | undefined): number {
  return score.parts.filter((p) => partIds === undefined || partIds.includes(p.id)).reduce((sum, p) => sum + p.staves, 0);
}

/**
 * Verovio's layout: the page in its own units, our header (title, composer), no logo footer. Pages meant for
 * a PDF skip what only a browser uses (the embedded SMuFL text font, indentation): half the SVG to write and read.
 */
export function verovioOptions(pageSize: PageSize, forPdf: boolean, staves = 1): Record<string, unknown> {
  const { width, height } = PAGE_SIZES[pageSize].tenthsMm;
  // Verovio lays out on a page of pageWidth × pageHeight units with staves of a fixed size, and `scale` only sizes
  // the SVG it draws: to print smaller music, the layout page grows and the page is later fitted to the paper.
  const grow = FULL_SCALE / scaleFor(staves, height);
  return {
    pageWidth: Math.round(width * grow),
    pageHeight: Math.round(height * grow),
    scale: FULL_SCALE,
    pageMarginTop: Math.round(80 * grow),
    pageMarginBottom: Math.round(120 * grow),
    header: 'auto',
    footer: 'none',
    breaks: 'auto',
    adjustPageHeight: false,
    svgViewBox: true,
    svgFormatRaw: forPdf,
    smuflTextFont: forPdf ? 'none' : 'embedded',
  };
}

/** Engraves MusicXML into one SVG per page, or refuses with ScoreMustBeEngravable. */
export async function renderMusicXmlPages(musicXml: string, pageSize: PageSize, staves = 1): Promise<string[]> {
  const toolkit = await verovioToolkit();
  // Everything below runs without an await, so renders that share the toolkit never interleave.
  toolkit.setOptions(verovioOptions(pageSize, false, staves));
  const loaded = toolkit.loadData(musicXml);
  const pageCount = loaded ? toolkit.getPageCount() : 0;
  if (pageCount === 0) throw new ScoreMustBeEngravable({ reason: toolkit.getLog().trim() || 'no page was laid out' });
  return Array.from({ length: pageCount }, (_, i) => toolkit.renderToSVG(i + 1));
}

function creditsOf(score: ScoreDocument | Score, partIds: readonly string[] | undefined): PageCredits {
  const soloPart = partIds?.length === 1 ? score.parts.find((p) => p.id === partIds[0]) : undefined;
  return { title: score.title, subtitle: score.subtitle, composer: score.composer, arranger: score.arranger, partName: soloPart?.name };
}

/** The MusicXML Verovio engraves: the selected parts, with the credits it prints in the page head. */
export function engravingMusicXml(score: ScoreDocument | Score, options: RenderOptions): string {
  const musicXml = exportMusicXml(score, { concertPitch: options.concertPitch, partIds: options.partIds });
  return withPageCredits(musicXml, creditsOf(score, options.partIds));
}

/**
 * The score (or some of its parts) engraved by Verovio: one SVG document per page, the first headed by the
 * title, subtitle, composer and arranger (and the part's name when one part is printed alone).
 */
export function renderSvgPages(score: ScoreDocument | Score, options: RenderOptions): Promise<string[]> {
  return renderMusicXmlPages(engravingMusicXml(score, options), options.pageSize, staffCount(score, options.partIds));
}
