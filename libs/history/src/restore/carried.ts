import {
  clefAt,
  defaultClef,
  keySignatureAt,
  timeSignatureAt,
  type ActiveScoreState,
  type Measure,
  type ScoreEvent,
} from '@bandpro/domain';
import { sameState } from '../undo/same-state';

/**
 * An attribute that carries on from measure to measure until changed (null = "continues"): time and key
 * signatures, and each staff's clef.
 */
interface Lane {
  own(m: Measure): unknown;
  inForceAtN(targetIndex: number): unknown;
  /** What is in force before the first measure, now and after the restore: nothing for signatures, the instrument's clef for clefs. */
  initial: unknown;
  initialAfter: unknown;
  changed(measureId: string, from: unknown, to: unknown): ScoreEvent;
}

function signatureLanes(target: ActiveScoreState): Lane[] {
  return [
    {
      own: (m) => m.timeSignature,
      inForceAtN: (i) => timeSignatureAt(target, i),
      initial: null,
      initialAfter: null,
      changed: (measureId, from, to) => ({ type: 'TimeSignatureChanged', data: { measureId, from, to } }) as ScoreEvent,
    },
    {
      own: (m) => m.keySignature,
      inForceAtN: (i) => keySignatureAt(target, i),
      initial: null,
      initialAfter: null,
      changed: (measureId, from, to) => ({ type: 'KeySignatureChanged', data: { measureId, from, to } }) as ScoreEvent,
    },
  ];
}

/**
 * A clef lane per staff of every part (of `only`, if given) both versions have with the same staff count;
 * `instrumentBack` when the restore also puts back the part's instrument, and with it its default clef.
 */
function clefLanes(current: ActiveScoreState, target: ActiveScoreState, only?: string, instrumentBack = false): Lane[] {
  return current.parts.flatMap((part) => {
    if (only !== undefined && part.id !== only) return [];
    const then = target.parts.find((p) => p.id === part.id);
    if (then === undefined || then.staves !== part.staves) return [];
    return Array.from({ length: part.staves }, (_, s): Lane => ({
      own: (m) => m.content[part.id].staves[s].clef,
      inForceAtN: (i) => clefAt(target, then, s + 1, i),
      initial: defaultClef(part, s + 1),
      initialAfter: defaultClef(instrumentBack ? then : part, s + 1),
      changed: (measureId, from, to) => ({ type: 'ClefChanged', data: { partId: part.id, staff: s + 1, measureId, from, to } }) as ScoreEvent,
    }));
  });
}

/* One pass over the measures per lane, so the cost stays linear in the score. */
function restoreLane(current: ActiveScoreState, target: ActiveScoreState, restored: ReadonlySet<string>, lane: Lane): ScoreEvent[] {
  const events: ScoreEvent[] = [];
  let now = lane.initial;
  let next = lane.initialAfter;
  for (const m of current.measures) {
    const own = lane.own(m);
    now = own ?? now;
    const back = restored.has(m.id);
    const then = target.measureIndex[m.id];
    const wanted = back ? lane.inForceAtN(then) : now;
    const ownWanted = back ? lane.own(target.measures[then]) : own;
    const value = ownWanted ?? (next !== null && sameState(next, wanted) ? null : wanted);
    if (!sameState(value, own)) events.push(lane.changed(m.id, own, value));
    next = value ?? next;
  }
  return events;
}

/**
 * Carried attributes are restored as they were in force: measures in range get what was in force there at
 * N, every other measure keeps what is in force now. A measure whose own value is a continuation gets an
 * explicit copy where what precedes it would now carry something else (as deleting measures does).
 */
export function restoreCarried(current: ActiveScoreState, target: ActiveScoreState, restored: ReadonlySet<string>): ScoreEvent[] {
  return [...signatureLanes(target), ...clefLanes(current, target)].flatMap((lane) => restoreLane(current, target, restored, lane));
}

/** The same for one part's clefs only: a part restore leaves signatures alone and puts back the instrument. */
export function restoreClefsOf(partId: string, current: ActiveScoreState, target: ActiveScoreState, restored: ReadonlySet<string>): ScoreEvent[] {
  return clefLanes(current, target, partId, true).flatMap((lane) => restoreLane(current, target, restored, lane));
}
