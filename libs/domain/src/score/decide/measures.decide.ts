import { measureLength } from '../../music/duration';
import type { DeleteMeasures, InsertMeasures, SetMeasureLength, SetTimeSignature } from '../commands/measure.commands';
import type { ScoreEvent } from '../events/score-event';
import { emptyMeasure } from '../model/empty-content';
import type { ActiveScoreState, ScoreState } from '../model/score.state';
import type { TimeSignature } from '../../music/music.types';
import { timeSignatureAt } from '../queries/attributes';
import { requireFresh, structuralIds } from '../queries/ids';
import { requireMeasure, requireScore } from '../queries/lookup';
import {
  FieldMustBeValid,
  FirstMeasureMustHaveTimeAndKeySignature,
  MeasureLengthMustNotExceedTimeSignature,
  MeasureRangeMustBeOrdered,
  ScoreMustKeepAtLeastOneMeasure,
} from '../rules/rule-errors';
import { requireTimeSignature } from '../validation/attributes';
import { requireClientId } from '../validation/ids';
import { carryAttributesPast, spannersEndingIn } from './measure-deletion';
import { fitMeasureTo, spannerEnds } from './measure-fit';
import { requireIrregularLength } from '../validation/score-info';
import { sameValue } from './same-value';
import { formatF, lteF } from '../../music/fraction';

const MAX_INSERT = 500;

export function decideInsertMeasures(command: InsertMeasures, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { beforeMeasureId, measureIds } = command.data;
  const index = beforeMeasureId === null ? s.measures.length : requireMeasure(s, beforeMeasureId).index;
  if (!Array.isArray(measureIds) || measureIds.length === 0 || measureIds.length > MAX_INSERT) {
    throw new FieldMustBeValid({ field: 'measureIds', value: measureIds, expected: `1 to ${MAX_INSERT} ids` });
  }
  const ids = measureIds.map((id, i) => requireClientId(`measureIds[${i}]`, id));
  requireFresh(structuralIds(s), ids, 'score');
  const measures = ids.map((id) => emptyMeasure(id, s.parts));
  if (index === 0) {
    // The new first measure takes over the opening signatures: the first measure always has them.
    const first = s.measures[0];
    measures[0] = { ...measures[0], timeSignature: first.timeSignature, keySignature: first.keySignature };
  }
  return [{ type: 'MeasuresInserted', data: { index, measures } }];
}

export function requireRange(s: ActiveScoreState, fromMeasureId: unknown, toMeasureId: unknown): [number, number] {
  const from = requireMeasure(s, fromMeasureId);
  const to = requireMeasure(s, toMeasureId);
  if (from.index > to.index) {
    throw new MeasureRangeMustBeOrdered({ fromMeasureId: from.measure.id, toMeasureId: to.measure.id });
  }
  return [from.index, to.index];
}

export function decideDeleteMeasures(command: DeleteMeasures, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const [a, b] = requireRange(s, command.data.fromMeasureId, command.data.toMeasureId);
  if (b - a + 1 === s.measures.length) throw new ScoreMustKeepAtLeastOneMeasure({ count: s.measures.length });
  return [
    ...spannersEndingIn(s, a, b),
    ...carryAttributesPast(s, a, b),
    { type: 'MeasuresDeleted', data: { index: a, measures: s.measures.slice(a, b + 1) } },
  ];
}

/** The measures a time signature at `index` governs: up to the next explicit change. */
function governedBy(s: ActiveScoreState, index: number): number[] {
  const governed = [index];
  for (let k = index + 1; k < s.measures.length && s.measures[k].timeSignature === null; k++) governed.push(k);
  return governed;
}

export function decideSetTimeSignature(command: SetTimeSignature, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { measure, index } = requireMeasure(s, command.data.measureId);
  const ts = command.data.timeSignature === null ? null : requireTimeSignature(command.data.timeSignature);
  if (ts === null && index === 0) throw new FirstMeasureMustHaveTimeAndKeySignature({ measureId: measure.id });
  if (sameValue(ts, measure.timeSignature)) return [];
  const inForce: TimeSignature = ts ?? timeSignatureAt(s, index - 1);
  const ends = spannerEnds(s);
  const trims = governedBy(s, index).flatMap((k) => {
    const m = s.measures[k];
    const full = measureLength(inForce);
    if (m.length !== null && lteF(full, m.length)) {
      throw new MeasureLengthMustNotExceedTimeSignature({ measureId: m.id, length: formatF(m.length) });
    }
    return fitMeasureTo(m, m.length ?? full, ends);
  });
  return [...trims, { type: 'TimeSignatureChanged', data: { measureId: measure.id, from: measure.timeSignature, to: ts } }];
}

export function decideSetMeasureLength(command: SetMeasureLength, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { measure, index } = requireMeasure(s, command.data.measureId);
  const ts = timeSignatureAt(s, index);
  const length = command.data.length === null ? null : requireIrregularLength(measure.id, command.data.length, ts);
  if (sameValue(length, measure.length)) return [];
  const trims = fitMeasureTo(measure, length ?? measureLength(ts), spannerEnds(s));
  return [...trims, { type: 'MeasureLengthChanged', data: { measureId: measure.id, from: measure.length, to: length } }];
}
