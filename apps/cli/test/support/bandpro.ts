import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../bin/bandpro.js');
export const CORPUS = resolve(__dirname, '../../../../../shared/musicxml-corpus');
export const MUSICXML_XSD = resolve(__dirname, '../../../../../shared/musicxml-4.0/musicxml.xsd');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real command, as `npx bandpro` runs it: a separate Node process through bin/bandpro.js. */
export function bandpro(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, timeout: 50_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

export function corpus(name: string): string {
  return join(CORPUS, name);
}

export async function withTempDir(): Promise<{ dir: string; files: () => Promise<string[]>; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bandpro-cli-'));
  return { dir, files: () => readdir(dir), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Pitches in document order as step, alter and octave ("B-1/3"). */
export function pitches(xml: string): string[] {
  return [...xml.matchAll(/<pitch>\s*<step>(\w)<\/step>\s*(?:<alter>(-?\d)<\/alter>\s*)?<octave>(\d)<\/octave>/g)].map((m) => `${m[1]}${m[2] ?? ''}/${m[3]}`);
}

/** No corpus file has a transposing part: HelloWorld's C becomes a B♭ clarinet's written C (sounding B♭3). */
export async function clarinetInBb(): Promise<string> {
  const hello = await readFile(corpus('HelloWorld.xml'), 'utf8');
  return hello
    .replace('<part-name>Music</part-name>', '<part-name>Clarinet in Bb</part-name>')
    .replace('</clef>', '</clef><transpose><diatonic>-1</diatonic><chromatic>-2</chromatic></transpose>');
}
