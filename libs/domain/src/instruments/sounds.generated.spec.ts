import { readFileSync } from 'fs';
import { resolve } from 'path';
import { SOUND_IDS } from './sounds.generated';

/*
 * sounds.generated.ts is produced by libs/domain/scripts/generate-sounds.js. This reads the MusicXML 4.0
 * sounds.xml that the script reads (shared/ beside the repository), so a stale or hand-edited list fails here.
 */
describe('the generated MusicXML sound list', () => {
  const xml = readFileSync(resolve(__dirname, '../../../../../shared/musicxml-4.0/sounds.xml'), 'utf8');
  const fromXml = [...xml.matchAll(/<sound id="([^"]+)"/g)].map((m) => m[1]);

  it('holds exactly the ids of sounds.xml, in order', () => {
    expect(fromXml.length).toBeGreaterThan(850);
    expect([...SOUND_IDS]).toEqual(fromXml);
  });

  it('holds no duplicates', () => {
    expect(new Set(SOUND_IDS).size).toBe(SOUND_IDS.length);
  });
});
