import type { Clef, KeySignature, TimeSignature } from '../../music/music.types';
import type { ScoreEvent } from '../events/score-event';
import type { ActiveScoreState } from '../model/score.state';
import type { Measure, StaffNumber } from '../model/score.types';
import { sameValue } from './same-value';

/*
 * Deleting measures must not change what the measures after them mean: the first measure after the gap gets
 * explicit copies of the time signature, key and clefs that were in force there, and spanners that started
 * before the gap but ended inside it are removed (those starting inside go with their measures).
 */

function explicitAt<T>(measures: readonly Measure[], index: number, pick: (m: Measure) => T | null): T | null {
  for (let i = index; i >= 0; i--) {
    const value = pick(measures[i]);
    if (value !== null) return value;
  }
  return null;
}

function carried<T>(s: ActiveScoreState, a: number, b: number, pick: (m: Measure) => T | null): T | null {
  const next = s.measures[b + 1];
  if (pick(next) !== null) return null;
  const before = explicitAt(s.measures, b, pick);
  const after = a === 0 ? null : explicitAt(s.measures, a - 1, pick);
  return sameValue(before, after) ? null : before;
}

export function carryAttributesPast(s: ActiveScoreState, a: number, b: number): ScoreEvent[] {
  const next = s.measures[b + 1];
  if (next === undefined) return [];
  const events: ScoreEvent[] = [];
  const ts = carried<TimeSignature>(s, a, b, (m) => m.timeSignature);
  if (ts !== null) events.push({ type: 'TimeSignatureChanged', data: { measureId: next.id, from: null, to: ts } });
  const ks = carried<KeySignature>(s, a, b, (m) => m.keySignature);
  if (ks !== null) events.push({ type: 'KeySignatureChanged', data: { measureId: next.id, from: null, to: ks } });
  for (const part of s.parts) {
    for (let staff = 1; staff <= part.staves; staff++) {
      const clef = carried<Clef>(s, a, b, (m) => m.content[part.id].staves[staff - 1].clef);
      if (clef === null) continue;
      const locator = { partId: part.id, staff: staff as StaffNumber, measureId: next.id };
      events.push({ type: 'ClefChanged', data: { ...locator, from: null, to: clef } });
    }
  }
  return events;
}

export function spannersEndingIn(s: ActiveScoreState, a: number, b: number): ScoreEvent[] {
  const deleted = new Set(s.measures.slice(a, b + 1).map((m) => m.id));
  const events: ScoreEvent[] = [];
  for (const m of s.measures.slice(0, a)) {
    for (const [partId, pm] of Object.entries(m.content)) {
      pm.staves.forEach((staff, i) => {
        const locator = { partId, staff: (i + 1) as StaffNumber, measureId: m.id };
        for (const hairpin of staff.hairpins) {
          if (deleted.has(hairpin.end.measureId)) events.push({ type: 'HairpinRemoved', data: { ...locator, hairpin } });
        }
        for (const slur of staff.slurs) {
          if (deleted.has(slur.end.measureId)) events.push({ type: 'SlurRemoved', data: { ...locator, slur } });
        }
      });
    }
  }
  return events;
}
