import { execFile } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

/** The shared folder beside the repository (CI checks it out next to the clone). */
export const SHARED = resolve(__dirname, '../../../../..', '../shared');
export const XSD = join(SHARED, 'musicxml-4.0', 'musicxml.xsd');
export const CORPUS = join(SHARED, 'musicxml-corpus');

export interface Validation {
  valid: boolean;
  errors: string;
}

/** Validates MusicXML against the MusicXML 4.0 schema with xmllint, offline, in a child process. */
export function validateMusicXml(xml: string): Promise<Validation> {
  const dir = mkdtempSync(join(tmpdir(), 'bandpro-musicxml-'));
  const file = join(dir, 'score.musicxml');
  writeFileSync(file, xml);
  return new Promise((done) => {
    execFile('xmllint', ['--noout', '--nonet', '--schema', XSD, file], (error, _stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      done({ valid: error === null, errors: stderr });
    });
  });
}
