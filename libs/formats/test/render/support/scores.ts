import { readFileSync } from 'fs';
import { join } from 'path';
import { type ActiveScoreState, scoreOf, type ScoreDocument } from '@bandpro/domain';
import { createScore, E, idSequence, M, PART_1, PIANO, pitch, quarter, run, whole, writeNote } from '@bandpro/domain/testing';
import { importMusicXml } from '../../../src/musicxml';

export const CORPUS = '/work/shared/musicxml-corpus';

export function corpusScore(file: string): ScoreDocument {
  return importMusicXml(new Uint8Array(readFileSync(join(CORPUS, file))), { filename: file, ids: idSequence(0x5c) }).document;
}

/** A B♭ trumpet over a piano in D major (the trumpet reads E major), built through the aggregate's commands. */
export function bandScore(): ScoreDocument {
  const trumpet = (measure: number) => ({ partId: PART_1, staff: 1, voice: 1, measureId: M[measure] });
  const { state } = run([
    createScore({
      title: 'Blue & <Bossa>',
      subtitle: 'for the Tuesday band',
      composer: 'Kenny Dorham',
      arranger: 'Ada Lovelace',
      parts: [
        { partId: PART_1, instrumentId: 'trumpet-bb' },
        { partId: PIANO, instrumentId: 'piano' },
      ],
      keySignature: { fifths: 2, mode: 'major' },
    }),
    writeNote(E[0], { num: 0, den: 1 }, quarter, [pitch('D', 4)], trumpet(0)),
    writeNote(E[1], { num: 1, den: 4 }, quarter, [pitch('F', 4, 1)], trumpet(0)),
    writeNote(E[2], { num: 1, den: 2 }, quarter, [pitch('A', 4)], trumpet(0)),
    writeNote(E[3], { num: 0, den: 1 }, whole, [pitch('D', 5)], trumpet(1)),
    writeNote(E[4], { num: 0, den: 1 }, whole, [pitch('D', 3), pitch('A', 3), pitch('F', 4, 1)], { partId: PIANO, staff: 1, voice: 1, measureId: M[0] }),
  ]);
  const { ownerId: _owner, createdAt: _created, ...doc } = scoreOf(state as ActiveScoreState);
  return doc;
}
