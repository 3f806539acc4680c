import type { ActiveScoreState } from '../model/score.state';
import type { Measure, StaffMeasure } from '../model/score.types';
import { IdsMustBeUnique } from '../rules/rule-errors';

/*
 * Ids inside a measure (entries, notes, marks) are unique within that measure: commands and events always
 * name the measure with them, and checking the measure keeps decide fast on big scores. Part and measure
 * ids are unique in the whole score.
 */

function collectStaff(staff: StaffMeasure, ids: Set<string>): void {
  for (const voice of staff.voices) {
    for (const entry of voice) {
      ids.add(entry.id);
      if (entry.kind === 'chord') for (const n of entry.notes) ids.add(n.id);
    }
  }
  for (const list of [staff.dynamics, staff.hairpins, staff.slurs, staff.texts]) for (const m of list) ids.add(m.id);
}

export function idsInMeasure(measure: Measure): Set<string> {
  const ids = new Set<string>();
  for (const pm of Object.values(measure.content)) {
    for (const staff of pm.staves) collectStaff(staff, ids);
    for (const c of pm.chordSymbols) ids.add(c.id);
  }
  return ids;
}

export function structuralIds(state: ActiveScoreState): Set<string> {
  return new Set([state.scoreId, ...state.parts.map((p) => p.id), ...state.measures.map((m) => m.id)]);
}

/** Throws IdsMustBeUnique when one of `ids` is taken or repeated. */
export function requireFresh(taken: ReadonlySet<string>, ids: readonly string[], scope: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (taken.has(id) || seen.has(id)) throw new IdsMustBeUnique({ id, scope });
    seen.add(id);
  }
}

export function requireFreshInMeasure(measure: Measure, ids: readonly string[]): void {
  requireFresh(idsInMeasure(measure), ids, 'measure');
}
