import { formatF, lteF, ltF } from '../../music/fraction';
import type { Fraction } from '../../music/music.types';
import { stateFromScore, type ActiveScoreState } from '../model/score.state';
import type { Score, ScorePosition } from '../model/score.types';
import { measureLengthAt } from '../queries/attributes';
import { OffsetMustBeWithinMeasure, ReferencedElementMustExist, SpannerMustEndAfterStart } from '../rules/rule-errors';

/*
 * The rules of an imported document that reach across measures: where spanners end. Ties and the notes a
 * slur joins are checked when they are made (SetTie, AddSlur) but later edits may leave a tie with no equal
 * pitch after it or a slur end on a rest (renderers skip those), so an import accepts them as edits do.
 */

function checkEnd(s: ActiveScoreState, id: string, start: number, offset: Fraction, end: ScorePosition, allowEnd: boolean): void {
  const index = s.measureIndex[end.measureId];
  if (index === undefined) throw new ReferencedElementMustExist({ kind: 'measure', id: end.measureId });
  const length = measureLengthAt(s, index);
  if (allowEnd ? ltF(length, end.offset) : lteF(length, end.offset)) {
    throw new OffsetMustBeWithinMeasure({ measureId: end.measureId, offset: formatF(end.offset), measureLength: formatF(length) });
  }
  if (index < start || (index === start && lteF(end.offset, offset))) throw new SpannerMustEndAfterStart({ id });
}

export function checkCrossMeasureRules(score: Omit<Score, 'ownerId' | 'createdAt'>): void {
  const s = stateFromScore({ ...score, ownerId: '', createdAt: '' });
  s.measures.forEach((m, i) => {
    for (const pm of Object.values(m.content)) {
      for (const staff of pm.staves) {
        for (const h of staff.hairpins) checkEnd(s, h.id, i, h.offset, h.end, true);
        for (const slur of staff.slurs) checkEnd(s, slur.id, i, slur.offset, slur.end, false);
      }
    }
  });
}
