import { mkdir, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importMusicXml } from '@bandpro/formats';
import { v7 } from 'uuid';
import { clarinetInBb, corpus, pitches, withTempDir } from '../../test/support/bandpro';
import { convertCommand } from '../commands/convert/convert.command';
import { runCli } from './run-cli';

async function bandproInProcess(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const code = await runCli(args, { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) });
  return { code, ...out };
}

describe('runCli', () => {
  let tmp: Awaited<ReturnType<typeof withTempDir>>;
  beforeEach(async () => (tmp = await withTempDir()));
  afterEach(() => tmp.remove());
  const at = (name: string) => join(tmp.dir, name);

  it('should print the commands for help, and a command usage for its --help, with exit 0', async () => {
    const [main, convert] = await Promise.all([bandproInProcess(['help']), bandproInProcess(['convert', '-h'])]);

    expect(main).toMatchObject({ code: 0, stderr: '' });
    expect(main.stdout).toMatch(/^ {2}convert +Convert a MusicXML file/m);
    expect(convert).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: bandpro convert <in/) });
  });

  it('should answer no command at all with exit 2 and the list of commands', async () => {
    const run = await bandproInProcess([]);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^bandpro: No command given\nUsage: bandpro <command>/);
  });

  it.each([
    ['a missing output file', ['convert', 'in.xml'], 'convert needs an input and an output file'],
    ['an unknown output extension', ['convert', 'in.xml', 'out.wav'], 'Cannot write "out.wav": the output must be .musicxml, .mxl, .mid, .pdf, .svg or .zip'],
    ['an unknown input extension', ['convert', 'in.txt', 'out.mid'], 'Cannot read "in.txt": the input must be .musicxml, .xml or .mxl'],
  ])('should answer %s with exit 2, the reason and the convert usage line', async (_case, args, reason) => {
    const run = await bandproInProcess(args);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`bandpro: ${reason}\n${convertCommand.usage}\n`);
    expect(convertCommand.usage).toMatch(/^Usage: bandpro convert <in.\(musicxml\|xml\|mxl\)> <out.\(musicxml\|mxl\|mid\|pdf\|svg\|zip\)> \[--part <name>\] \[--concert-pitch\]\n/);
  });

  it('should answer an unknown command with exit 2 and the list of commands', async () => {
    const run = await bandproInProcess(['rewind']);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^bandpro: Unknown command "rewind"\nUsage: bandpro <command>/);
  });

  it('should write a transposing part at written pitch unless --concert-pitch is given', async () => {
    await writeFile(at('clarinet.xml'), await clarinetInBb());

    const run = await bandproInProcess(['convert', at('clarinet.xml'), at('written.musicxml')]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    const written = await readFile(at('written.musicxml'), 'utf8');
    expect(pitches(written)).toEqual(['C/4']);
    expect(written).toContain('<transpose>');
  });

  it('should write a compressed .mxl that imports back to the same notes', async () => {
    const run = await bandproInProcess(['convert', corpus('HelloWorld.xml'), at('hello.mxl')]);

    expect(run.code).toBe(0);
    const bytes = await readFile(at('hello.mxl'));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const back = importMusicXml(bytes, { ids: v7 });
    expect(back.document.parts.map((p) => p.name)).toEqual(['Music']);
    expect(back.document.measures).toHaveLength(1);
  });

  it('should refuse a part the score does not have with exit 1, listing the parts, and write nothing', async () => {
    const run = await bandproInProcess(['convert', corpus('HelloWorld.xml'), at('out.mid'), '--part', 'Tuba']);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^bandpro: PART_NOT_FOUND: The score has no part named "Tuba"\. Parts: "Music" \(id /m);
    expect(await tmp.files()).toEqual([]);
  });

  it('should say when the input file does not exist or cannot be read', async () => {
    await mkdir(at('folder.xml'));

    const [missing, folder] = await Promise.all([bandproInProcess(['convert', at('nope.xml'), at('out.mid')]), bandproInProcess(['convert', at('folder.xml'), at('out.mid')])]);

    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/^bandpro: INPUT_NOT_FOUND: No such file: .*nope\.xml\n$/) });
    expect(folder).toMatchObject({ code: 1, stderr: expect.stringMatching(/^bandpro: INPUT_NOT_READABLE: Cannot read .*folder\.xml: /) });
  });

  it('should refuse an input over the size limit before reading it', async () => {
    await writeFile(at('huge.xml'), '');
    await truncate(at('huge.xml'), 21 * 1024 * 1024); // sparse: nothing is really written

    const run = await bandproInProcess(['convert', at('huge.xml'), at('out.mid')]);

    expect(run).toMatchObject({ code: 1, stderr: expect.stringMatching(/^bandpro: MUSICXML_TOO_LARGE: /) });
  });

  it('should fail with exit 1 when the output cannot be written, leaving no temporary file', async () => {
    await mkdir(at('out.mid'));

    const run = await bandproInProcess(['convert', corpus('HelloWorld.xml'), at('out.mid')]);

    expect(run).toMatchObject({ code: 1, stderr: expect.stringMatching(/^bandpro: OUTPUT_NOT_WRITTEN: Could not write .*out\.mid: /m) });
    expect(await readdir(tmp.dir)).toEqual(['out.mid']);
    await rm(at('out.mid'), { recursive: true });
  });
});
