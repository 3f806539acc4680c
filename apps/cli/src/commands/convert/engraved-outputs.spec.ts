import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { corpus, withTempDir } from '../../../test/support/bandpro';
import { runCli } from '../../cli/run-cli';

const run = promisify(execFile);

async function bandproInProcess(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const code = await runCli(args, { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) });
  return { code, ...out };
}

/** pdfinfo (poppler) reads the file as any PDF viewer would: its page count and page size in points. */
async function pdfInfo(path: string): Promise<{ pages: number; size: string }> {
  const { stdout } = await run('pdfinfo', [path]);
  return { pages: Number(/^Pages:\s+(\d+)$/m.exec(stdout)?.[1]), size: /^Page size:\s+(.*)$/m.exec(stdout)?.[1] ?? '' };
}

describe('bandpro convert to engraved outputs (in process)', () => {
  let tmp: Awaited<ReturnType<typeof withTempDir>>;
  beforeEach(async () => (tmp = await withTempDir()));
  afterEach(() => tmp.remove());
  const at = (name: string) => join(tmp.dir, name);

  it('should engrave the full score as an A4 PDF by default', async () => {
    const result = await bandproInProcess(['convert', corpus('HelloWorld.xml'), at('hello.pdf')]);

    expect(result).toMatchObject({ code: 0, stdout: `Wrote ${at('hello.pdf')} (1 part, 1 bar)\n` });
    expect(await pdfInfo(at('hello.pdf'))).toEqual({ pages: 1, size: expect.stringMatching(/^595\.2\d* x 841\.8\d* pts \(A4\)/) });
  });

  it('should engrave only the --part, on Letter paper with --page-size Letter, in fewer pages than the score', async () => {
    const [part, wholeScore] = await Promise.all([
      bandproInProcess(['convert', corpus('JohannSebastianBach_Air.xml'), at('violin2.pdf'), '--part', 'violine ii', '--page-size', 'Letter']),
      bandproInProcess(['convert', corpus('JohannSebastianBach_Air.xml'), at('score.pdf'), '--page-size', 'Letter']),
    ]);

    expect(part).toMatchObject({ code: 0, stdout: `Wrote ${at('violin2.pdf')} (1 part, 19 bars)\n` });
    expect(wholeScore.code).toBe(0);
    const [partInfo, scoreInfo] = await Promise.all([pdfInfo(at('violin2.pdf')), pdfInfo(at('score.pdf'))]);
    expect(partInfo.size).toMatch(/^612 x 792 pts \(letter\)/);
    expect(partInfo.pages).toBe(1);
    expect(scoreInfo.pages).toBeGreaterThan(partInfo.pages);
  });

  it('should write page 1 as SVG, another page with --page, and refuse a page past the end writing nothing', async () => {
    const input = corpus('JohannSebastianBach_Air.xml');
    const first = await bandproInProcess(['convert', input, at('p1.svg')]);
    const second = await bandproInProcess(['convert', input, at('p2.svg'), '--page', '2']);
    const missing = await bandproInProcess(['convert', input, at('p99.svg'), '--page', '99']);

    expect([first.code, second.code]).toEqual([0, 0]);
    const [page1, page2] = await Promise.all([readFile(at('p1.svg'), 'utf8'), readFile(at('p2.svg'), 'utf8')]);
    expect(page1.startsWith('<svg')).toBe(true);
    expect(page2.startsWith('<svg')).toBe(true);
    expect(page2).not.toBe(page1);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/\nbandpro: PAGE_NOT_FOUND: There is no page 99: the score has 3 pages\n$/) });
    expect((await tmp.files()).sort()).toEqual(['p1.svg', 'p2.svg']);
  });

  it('should zip the full-score PDF, a PDF per part named after it, the MusicXML and the MIDI', async () => {
    const result = await bandproInProcess(['convert', corpus('Cornelius_P_Christbaum_Opus_8_1_1865.mxl'), at('christbaum.zip'), '--page-size', 'Letter']);

    expect(result.code).toBe(0);
    const entries = unzipSync(await readFile(at('christbaum.zip')));
    expect(Object.keys(entries).sort()).toEqual(['parts/Piano.pdf', 'parts/Voice.pdf', 'score.mid', 'score.musicxml', 'score.pdf']);
    for (const name of ['parts/Piano.pdf', 'parts/Voice.pdf', 'score.pdf']) expect(Buffer.from(entries[name].subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Buffer.from(entries['score.mid'].subarray(0, 4)).toString()).toBe('MThd');
    expect(Buffer.from(entries['score.musicxml']).toString()).toContain('<part-name>Voice</part-name>');
    expect(await tmp.files()).toEqual(['christbaum.zip']);
  });
});
