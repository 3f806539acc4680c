import { readFileSync } from 'fs';
import { join } from 'path';
import { isDomainError } from '@bandpro/domain';
import { renderMusicXmlPages, ScoreMustBeEngravable } from '../../src/render';
import { verovioOptions } from '../../src/render/render-svg';
import { planSvgPage } from '../../src/render/svg-page';
import { engraveInThreads } from '../../src/render/verovio-pool';
import { CORPUS } from './support/scores';

/** Pages drawn by the threads, by number, each checked to arrive once. */
async function threadPages(musicXml: string): Promise<{ pageCount: number; pages: Map<number, string> }> {
  const pages = new Map<number, string>();
  const pageCount = await engraveInThreads(musicXml, verovioOptions('A4', true), (page, svg) => {
    expect(pages.has(page)).toBe(false);
    pages.set(page, svg);
  });
  return { pageCount, pages };
}

/** What a page draws, without Verovio's random element ids. */
const drawing = (svg: string) => JSON.stringify(planSvgPage(svg, 595, 842));

describe('Verovio in worker threads', () => {
  // Over the split threshold (a long comment), so a 2-core machine shares the pages between two threads.
  const bach = readFileSync(join(CORPUS, 'JohannSebastianBach_Air.xml'), 'utf8').replace('<part-list>', `<!--${' '.repeat(450_000)}--><part-list>`);

  it('should deliver every page once, drawing what the process\'s own toolkit draws', async () => {
    const { pageCount, pages } = await threadPages(bach);
    const own = await renderMusicXmlPages(bach, 'A4');
    expect(pageCount).toBe(own.length);
    expect([...pages.keys()].sort()).toEqual(own.map((_, i) => i + 1));
    own.forEach((svg, i) => expect(drawing(pages.get(i + 1) as string)).toBe(drawing(svg)));
  }, 60_000);

  it('should refuse what Verovio cannot load with RENDER_FAILED, and engrave the next score as usual', async () => {
    const error = await threadPages('<not-music/>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScoreMustBeEngravable);
    expect(isDomainError(error) && error.code).toBe('RENDER_FAILED');
    const small = readFileSync(join(CORPUS, 'HelloWorld.xml'), 'utf8');
    expect((await threadPages(small)).pageCount).toBe(1);
  }, 60_000);
});
