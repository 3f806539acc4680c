import { PART_1, PIANO } from '@bandpro/domain/testing';
import { renderPartsPdfs, renderSvgPages } from '../../src/render';
import { pdfInfo, pdfText } from './support/poppler';
import { bandScore } from './support/scores';

/** The sharps of the first key signature Verovio drew (D major has two; a B♭ trumpet reads E major, four). */
function firstKeySignatureSharps(svg: string): number {
  const keySig = /<g\b[^>]*class="keySig"[^>]*>([\s\S]*?)<\/g>\s*<\/g>/.exec(svg)?.[1] ?? '';
  return (keySig.match(/class="keyAccid"/g) ?? []).length;
}

describe('parts', () => {
  it('should render one PDF per part, in score order, each headed by its part name', async () => {
    const pdfs = await renderPartsPdfs(bandScore());
    expect(pdfs.map((p) => [p.partId, p.partName])).toEqual([
      [PART_1, 'Trumpet in B♭'],
      [PIANO, 'Piano'],
    ]);
    for (const { pdf } of pdfs) expect(Math.round(pdfInfo(pdf).width)).toBe(595);
    expect(pdfText(pdfs[0].pdf)).toContain('Trumpet in Bb');
    expect(pdfText(pdfs[0].pdf)).not.toContain('Piano');
    expect(pdfText(pdfs[1].pdf)).not.toContain('Trumpet');
  });

  it('should print parts on Letter when asked', async () => {
    const [trumpet] = await renderPartsPdfs(bandScore(), { pageSize: 'Letter' });
    expect(Math.round(pdfInfo(trumpet.pdf).height)).toBe(792);
  });

  it('should write a B♭ trumpet part a tone up (E major) and at concert pitch (D major) when asked', async () => {
    const [written] = await renderSvgPages(bandScore(), { pageSize: 'A4', partIds: [PART_1] });
    const [concert] = await renderSvgPages(bandScore(), { pageSize: 'A4', partIds: [PART_1], concertPitch: true });
    expect(firstKeySignatureSharps(written)).toBe(4);
    expect(firstKeySignatureSharps(concert)).toBe(2);
  });
});
