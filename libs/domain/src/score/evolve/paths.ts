import { EventDoesNotApply } from '../../errors/event-does-not-apply';
import type { EntryLocator, StaffLocator, VoiceLocator } from '../model/locators';
import type { ActiveScoreState, ScoreState } from '../model/score.state';
import type { ChordEntry, Measure, PartMeasure, StaffMeasure, VoiceEntry } from '../model/score.types';
import { withContent, withKey, withMeasures, withStaves, withVoices } from '../model/copy';

/*
 * Structural sharing: each helper copies only the objects and arrays on the path to what changes, so an
 * edit costs O(measures + parts + entries in one voice) pointer copies and never walks the score.
 * The measure-level helpers are pure on one measure so batch edits can copy the measure list once.
 */

export function requireActive(state: ScoreState, eventType: string): ActiveScoreState {
  if (state.status !== 'active') throw new EventDoesNotApply(eventType, 'the score does not exist');
  return state;
}

export function measureAt(state: ActiveScoreState, measureId: string, eventType: string): number {
  const index = state.measureIndex[measureId];
  if (index === undefined) throw new EventDoesNotApply(eventType, 'no such measure', { measureId });
  return index;
}

export function updateMeasure(
  state: ActiveScoreState,
  measureId: string,
  eventType: string,
  update: (m: Measure) => Measure,
): ActiveScoreState {
  const index = measureAt(state, measureId, eventType);
  const measures = state.measures.slice();
  measures[index] = update(measures[index]);
  return withMeasures(state, measures);
}

export function withPartMeasure(
  m: Measure,
  partId: string,
  eventType: string,
  update: (pm: PartMeasure) => PartMeasure,
): Measure {
  const pm = m.content[partId];
  if (pm === undefined) throw new EventDoesNotApply(eventType, 'no such part', { partId });
  return withContent(m, withKey(m.content, partId, update(pm)));
}

export function withStaff(
  m: Measure,
  loc: StaffLocator,
  eventType: string,
  update: (sm: StaffMeasure) => StaffMeasure,
): Measure {
  return withPartMeasure(m, loc.partId, eventType, (pm) => {
    const sm = pm.staves[loc.staff - 1];
    if (sm === undefined) throw new EventDoesNotApply(eventType, 'no such staff', { staff: loc.staff });
    const staves = pm.staves.slice();
    staves[loc.staff - 1] = update(sm);
    return withStaves(pm, staves);
  });
}

export function withVoice(
  m: Measure,
  loc: VoiceLocator,
  eventType: string,
  update: (entries: VoiceEntry[]) => VoiceEntry[],
): Measure {
  return withStaff(m, loc, eventType, (sm) => {
    const voices = sm.voices.slice();
    voices[loc.voice - 1] = update(sm.voices[loc.voice - 1]);
    return withVoices(sm, voices);
  });
}

export function updatePartMeasure(
  state: ActiveScoreState,
  loc: { partId: string; measureId: string },
  eventType: string,
  update: (pm: PartMeasure) => PartMeasure,
): ActiveScoreState {
  return updateMeasure(state, loc.measureId, eventType, (m) => withPartMeasure(m, loc.partId, eventType, update));
}

export function updateStaff(
  state: ActiveScoreState,
  loc: StaffLocator,
  eventType: string,
  update: (sm: StaffMeasure) => StaffMeasure,
): ActiveScoreState {
  return updateMeasure(state, loc.measureId, eventType, (m) => withStaff(m, loc, eventType, update));
}

/** The hottest path (every note edit), written out without nested closures. */
export function updateVoice(
  state: ActiveScoreState,
  loc: VoiceLocator,
  eventType: string,
  update: (entries: VoiceEntry[]) => VoiceEntry[],
): ActiveScoreState {
  const index = measureAt(state, loc.measureId, eventType);
  const m = state.measures[index];
  const pm = m.content[loc.partId];
  if (pm === undefined) throw new EventDoesNotApply(eventType, 'no such part', { partId: loc.partId });
  const sm = pm.staves[loc.staff - 1];
  if (sm === undefined) throw new EventDoesNotApply(eventType, 'no such staff', { staff: loc.staff });
  const voices = sm.voices.slice();
  voices[loc.voice - 1] = update(sm.voices[loc.voice - 1]);
  const staves = pm.staves.slice();
  staves[loc.staff - 1] = withVoices(sm, voices);
  const measures = state.measures.slice();
  measures[index] = withContent(m, withKey(m.content, loc.partId, withStaves(pm, staves)));
  return withMeasures(state, measures);
}

export function entryIndex(entries: readonly VoiceEntry[], entryId: string, eventType: string): number {
  const index = entries.findIndex((e) => e.id === entryId);
  if (index < 0) throw new EventDoesNotApply(eventType, 'no such entry', { entryId });
  return index;
}

export function updateEntry(
  state: ActiveScoreState,
  loc: EntryLocator,
  eventType: string,
  update: (entry: VoiceEntry) => VoiceEntry,
): ActiveScoreState {
  return updateVoice(state, loc, eventType, (entries) => {
    const index = entryIndex(entries, loc.entryId, eventType);
    const copy = entries.slice();
    copy[index] = update(entries[index]);
    return copy;
  });
}

export function updateChord(
  state: ActiveScoreState,
  loc: EntryLocator,
  eventType: string,
  update: (chord: ChordEntry) => ChordEntry,
): ActiveScoreState {
  return updateEntry(state, loc, eventType, (entry) => {
    if (entry.kind !== 'chord') throw new EventDoesNotApply(eventType, 'the entry is a rest', { entryId: entry.id });
    return update(entry);
  });
}

/** Replaces `removed` (checked by id) after `afterEntryId` with `inserted`. */
export function spliceEntries(
  entries: readonly VoiceEntry[],
  afterEntryId: string | null,
  removed: readonly VoiceEntry[],
  inserted: readonly VoiceEntry[],
  eventType: string,
): VoiceEntry[] {
  const start = afterEntryId === null ? 0 : entryIndex(entries, afterEntryId, eventType) + 1;
  for (let k = 0; k < removed.length; k++) {
    if (entries[start + k]?.id !== removed[k].id) {
      throw new EventDoesNotApply(eventType, 'the voice holds other entries than the event replaces', {
        expected: removed[k].id,
      });
    }
  }
  const result = entries.slice(0, start);
  for (const e of inserted) result.push(e);
  for (let k = start + removed.length; k < entries.length; k++) result.push(entries[k]);
  return result;
}
