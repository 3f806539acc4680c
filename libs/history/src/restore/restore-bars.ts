import type { ActiveScoreState, Measure, ScoreEvent } from '@bandpro/domain';
import { sameState } from '../undo/same-state';
import { restoreCarried } from './carried';
import { restorePartMeasure } from './part-measure';
import { RestoreScopeNotFound } from './restore.errors';
import type { RestorePlan, RestoreSkip } from './restore.types';

type ValueChange = Extract<ScoreEvent['type'], 'MeasureLengthChanged' | 'TempoChanged' | 'VoltaChanged' | 'RehearsalMarkChanged'>;

const ATTRIBUTES: [ValueChange, 'length' | 'tempo' | 'volta' | 'rehearsalMark'][] = [
  ['MeasureLengthChanged', 'length'],
  ['TempoChanged', 'tempo'],
  ['VoltaChanged', 'volta'],
  ['RehearsalMarkChanged', 'rehearsalMark'],
];

function restoreAttributes(now: Measure, then: Measure): ScoreEvent[] {
  const measureId = now.id;
  const events = ATTRIBUTES.filter(([, field]) => !sameState(now[field], then[field])).map(
    ([type, field]) => ({ type, data: { measureId, from: now[field], to: then[field] } }) as ScoreEvent,
  );
  if (now.startBarline !== then.startBarline) {
    events.push({ type: 'BarlineChanged', data: { measureId, side: 'start', from: now.startBarline, to: then.startBarline } });
  }
  if (now.endBarline !== then.endBarline) {
    events.push({ type: 'BarlineChanged', data: { measureId, side: 'end', from: now.endBarline, to: then.endBarline } });
  }
  return events;
}

function rangeOf(target: ActiveScoreState, fromMeasureId: string, toMeasureId: string): Measure[] {
  const from = target.measureIndex[fromMeasureId];
  const to = target.measureIndex[toMeasureId];
  if (from === undefined || to === undefined) {
    const missing = [fromMeasureId, toMeasureId].filter((id) => target.measureIndex[id] === undefined);
    throw new RestoreScopeNotFound({ scope: 'bars', missing });
  }
  return target.measures.slice(Math.min(from, to), Math.max(from, to) + 1);
}

/* Signatures and lengths are restored as at N, so the old content always fits the measure again; clefs carry on, so restoreCarried handles them. */
function restoreContent(current: ActiveScoreState, target: ActiveScoreState, then: Measure, skipped: RestoreSkip[]): ScoreEvent[] {
  const now = current.measures[current.measureIndex[then.id]];
  return target.parts.flatMap((part) => {
    const skip = (reason: RestoreSkip['reason']) => (skipped.push({ measureId: then.id, partId: part.id, reason }), []);
    const pmNow = now.content[part.id];
    const pmThen = then.content[part.id];
    if (pmNow === undefined) return skip('part-removed');
    if (pmNow.staves.length !== pmThen.staves.length) return skip('staves-changed');
    return restorePartMeasure({ partId: part.id, measureId: then.id }, pmNow, pmThen, { clefs: false });
  });
}

/**
 * A range of the target's measures (inclusive, in either order) as they were at N: their attributes and every
 * part's content in them. Measures deleted since, and parts removed since, are reported rather than restored.
 */
export function restoreBars(current: ActiveScoreState, target: ActiveScoreState, fromMeasureId: string, toMeasureId: string): RestorePlan {
  const range = rangeOf(target, fromMeasureId, toMeasureId);
  const skipped: RestoreSkip[] = [];
  const kept = range.filter((m) => {
    const present = current.measureIndex[m.id] !== undefined;
    if (!present) skipped.push({ measureId: m.id, partId: null, reason: 'measure-deleted' });
    return present;
  });
  const carried = restoreCarried(current, target, new Set(kept.map((m) => m.id)));
  const attributes = kept.flatMap((m) => restoreAttributes(current.measures[current.measureIndex[m.id]], m));
  const content = kept.flatMap((m) => restoreContent(current, target, m, skipped));
  return { events: [...carried, ...attributes, ...content], skipped };
}
