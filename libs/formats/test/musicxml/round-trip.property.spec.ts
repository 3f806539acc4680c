import fc from 'fast-check';
import { scoreOf, type ActiveScoreState } from '@bandpro/domain';
import { arbitraryScoreHistory, cmd, given, idSequence, run } from '@bandpro/domain/testing';
import { exportMusicXml, importMusicXml } from '../../src/musicxml';
import { afterRoundTrip, canonical, needsRespeltKey } from './support/canonical';
import { validateMusicXml } from './support/xmllint';

/*
 * Scores made by random sequences of edits (every command the aggregate knows) survive export and import:
 * the same music comes back, apart from the changes MusicXML makes on purpose (see afterRoundTrip).
 */

function documentOf(commands: Parameters<typeof run>[0]) {
  const { ownerId: _owner, createdAt: _created, ...doc } = scoreOf(run(commands).state as ActiveScoreState);
  return doc;
}

describe('export then import of edited scores', () => {
  it('should give back the same score, which ImportScore accepts', () => {
    fc.assert(
      fc.property(arbitraryScoreHistory({ maxCommands: 40 }), (history) => {
        const doc = documentOf(history.commands);
        fc.pre(!needsRespeltKey(doc));
        const back = importMusicXml(exportMusicXml(doc), { ids: idSequence(0x66) });
        expect(back.skipped).toEqual([]);
        expect(canonical(back.document)).toEqual(canonical(afterRoundTrip(doc)));
        given().when(cmd('ImportScore', { score: back.document })).events();
      }),
      { numRuns: 120 },
    );
  });

  it('should always write MusicXML the schema accepts', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryScoreHistory({ maxCommands: 30 }), fc.boolean(), async (history, concertPitch) => {
        const result = await validateMusicXml(exportMusicXml(documentOf(history.commands), { concertPitch }));
        expect(result).toMatchObject({ valid: true });
      }),
      { numRuns: 25 },
    );
  });
});
