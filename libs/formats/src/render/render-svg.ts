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

/**
 * Verovio's layout: the page in its own units, our header (title, composer), no logo footer. Pages meant for
 * a PDF skip what only a browser uses (the embedded SMuFL text font, indentation): half the SVG to write and read.
 */
export function verovioOptions(pageSize: PageSize, forPdf: boolean): Record<string, unknown> {
  const { width, height } = PAGE_SIZES[pageSize].tenthsMm;
  return {
    pageWidth: width,
    pageHeight: height,
    scale: 40,
    pageMarginTop: 80,
    pageMarginBottom: 120,
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
export async function renderMusicXmlPages(musicXml: string, pageSize: PageSize): Promise<string[]> {
  const toolkit = await verovioToolkit();
  // Everything below runs without an await, so renders that share the toolkit never interleave.
  toolkit.setOptions(verovioOptions(pageSize, false));
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
  return renderMusicXmlPages(engravingMusicXml(score, options), options.pageSize);
}
