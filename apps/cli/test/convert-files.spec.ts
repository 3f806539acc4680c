import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Midi } from '@tonejs/midi';
import { bandpro, clarinetInBb, corpus, MUSICXML_XSD, pitches, withTempDir } from './support/bandpro';

const xmllint = promisify(execFile);

function partNames(xml: string): string[] {
  return [...xml.matchAll(/<part-name>([^<]*)<\/part-name>/g)].map((m) => m[1]);
}

describe('bandpro convert (the real command, in a child process)', () => {
  let tmp: Awaited<ReturnType<typeof withTempDir>>;
  beforeEach(async () => (tmp = await withTempDir()));
  afterEach(() => tmp.remove());

  it('should turn a MusicXML file into a MIDI file with notes and say on stderr what the import skipped', async () => {
    const run = await bandpro(['convert', corpus('OSMD_function_test_Ornaments.xml'), 'ornaments.mid'], tmp.dir);

    expect(run).toMatchObject({ code: 0, stdout: 'Wrote ornaments.mid (1 part, 11 bars)\n' });
    expect(run.stderr).toContain('1 × <trill-mark> (part "Piano", bar 1): ornaments are not in the score model');
    const midi = new Midi(await readFile(join(tmp.dir, 'ornaments.mid')));
    const notes = midi.tracks.flatMap((t) => t.notes);
    expect(midi.tracks.filter((t) => t.notes.length > 0)).toHaveLength(1);
    expect(notes.length).toBeGreaterThanOrEqual(11);
    expect(await tmp.files()).toEqual(['ornaments.mid']);
  });

  it('should turn a compressed .mxl into MusicXML that the MusicXML 4.0 schema accepts', async () => {
    const run = await bandpro(['convert', corpus('Cornelius_P_Christbaum_Opus_8_1_1865.mxl'), 'christbaum.musicxml'], tmp.dir);

    expect(run.code).toBe(0);
    const out = join(tmp.dir, 'christbaum.musicxml');
    expect(partNames(await readFile(out, 'utf8'))).toEqual(['Voice', 'Piano']);
    await expect(xmllint('xmllint', ['--noout', '--nonet', '--schema', MUSICXML_XSD, out])).resolves.toBeDefined();
  });

  it('should export only the part --part names', async () => {
    const run = await bandpro(['convert', corpus('JohannSebastianBach_Air.xml'), 'violin2.musicxml', '--part', 'Violine II'], tmp.dir);

    expect(run).toMatchObject({ code: 0, stdout: 'Wrote violin2.musicxml (1 part, 19 bars)\n' });
    expect(partNames(await readFile(join(tmp.dir, 'violin2.musicxml'), 'utf8'))).toEqual(['Violine II']);
  });

  it('should write a transposing part at sounding pitch with --concert-pitch', async () => {
    await writeFile(join(tmp.dir, 'clarinet.musicxml'), await clarinetInBb());

    const run = await bandpro(['convert', 'clarinet.musicxml', 'concert.musicxml', '--concert-pitch'], tmp.dir);

    expect(run.code).toBe(0);
    const concert = await readFile(join(tmp.dir, 'concert.musicxml'), 'utf8');
    expect(pitches(concert)).toEqual(['B-1/3']);
    expect(concert).toContain('<concert-score/>');
  });

  it('should refuse a file that is not MusicXML with exit 1 and its error code, and leave no output behind', async () => {
    await writeFile(join(tmp.dir, 'broken.xml'), '<score-partwise><part-list>');
    await writeFile(join(tmp.dir, 'kept.mid'), 'the previous output');

    const run = await bandpro(['convert', 'broken.xml', 'kept.mid'], tmp.dir);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^bandpro: MUSICXML_INVALID: /);
    expect(run.stdout).toBe('');
    expect((await tmp.files()).sort()).toEqual(['broken.xml', 'kept.mid']);
    expect(await readFile(join(tmp.dir, 'kept.mid'), 'utf8')).toBe('the previous output');
  });
});
