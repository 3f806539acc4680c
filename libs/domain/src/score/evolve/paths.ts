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
  const index = measureAt(state, loc.measureId, eventType);
  const measures = state.measures.slice();
  measures[index] = withPartMeasure(measures[index], loc.partId, eventType, update);
  return withMeasures(state, measures);
}

/** Written out like `withVoiceEntries`: the staff marks are the next hottest edits. */
export function updateStaff(
  state: ActiveScoreState,
  loc: StaffLocator,
  eventType: string,
  update: (sm: StaffMeasure) => StaffMeasure,
): ActiveScoreState {
  const index = measureAt(state, loc.measureId, eventType);
  const m = state.measures[index];
  const pm = m.content[loc.partId];
  if (pm === undefined) throw new EventDoesNotApply(eventType, 'no such part', { partId: loc.partId });
  const sm = pm.staves[loc.staff - 1];
  if (sm === undefined) throw new EventDoesNotApply(eventType, 'no such staff', { staff: loc.staff });
  const staves = pm.staves.slice();
  staves[loc.staff - 1] = update(sm);
  const measures = state.measures.slice();
  measures[index] = withContent(m, withKey(m.content, loc.partId, withStaves(pm, staves)));
  return withMeasures(state, measures);
}

/*
 * Events built by decide come in many object shapes, so reading their locator fields at every level of the
 * path would go through V8's megamorphic lookups. The hot handlers copy the locator once into one shape.
 */
export function voiceLocator(loc: VoiceLocator): VoiceLocator {
  return { partId: loc.partId, staff: loc.staff, measureId: loc.measureId, voice: loc.voice };
}

export function entryLocator(loc: EntryLocator): EntryLocator {
  return { partId: loc.partId, staff: loc.staff, measureId: loc.measureId, voice: loc.voice, entryId: loc.entryId };
}

/** The entries of the voice `loc` names, checking only the path to it (O(path), no search of the score). */
export function voiceAt(state: ActiveScoreState, loc: VoiceLocator, eventType: string): VoiceEntry[] {
  const pm = state.measures[measureAt(state, loc.measureId, eventType)].content[loc.partId];
  if (pm === undefined) throw new EventDoesNotApply(eventType, 'no such part', { partId: loc.partId });
  const sm = pm.staves[loc.staff - 1];
  if (sm === undefined) throw new EventDoesNotApply(eventType, 'no such staff', { staff: loc.staff });
  return sm.voices[loc.voice - 1];
}

/**
 * The hottest path (every note edit): replaces the entries of a voice that `voiceAt` found, copying each
 * level of the path once and allocating no closures.
 */
export function withVoiceEntries(state: ActiveScoreState, loc: VoiceLocator, entries: VoiceEntry[]): ActiveScoreState {
  const index = state.measureIndex[loc.measureId];
  const m = state.measures[index];
  const pm = m.content[loc.partId];
  const sm = pm.staves[loc.staff - 1];
  const voices = sm.voices.slice();
  voices[loc.voice - 1] = entries;
  const staves = pm.staves.slice();
  staves[loc.staff - 1] = withVoices(sm, voices);
  const measures = state.measures.slice();
  measures[index] = withContent(m, withKey(m.content, loc.partId, withStaves(pm, staves)));
  return withMeasures(state, measures);
}

export function updateVoice(
  state: ActiveScoreState,
  loc: VoiceLocator,
  eventType: string,
  update: (entries: VoiceEntry[]) => VoiceEntry[],
): ActiveScoreState {
  return withVoiceEntries(state, loc, update(voiceAt(state, loc, eventType)));
}

export function entryIndex(entries: readonly VoiceEntry[], entryId: string, eventType: string): number {
  for (let i = 0; i < entries.length; i++) if (entries[i].id === entryId) return i;
  throw new EventDoesNotApply(eventType, 'no such entry', { entryId });
}

/** The chord `loc` names; throws when it is missing or a rest. */
export function chordAt(state: ActiveScoreState, loc: EntryLocator, eventType: string): ChordEntry {
  const entries = voiceAt(state, loc, eventType);
  const entry = entries[entryIndex(entries, loc.entryId, eventType)];
  if (entry.kind !== 'chord') throw new EventDoesNotApply(eventType, 'the entry is a rest', { entryId: entry.id });
  return entry;
}

/** Replaces the entry `loc` names (already checked by `chordAt` or `voiceAt`) with `entry`. */
export function withEntry(state: ActiveScoreState, loc: EntryLocator, entry: VoiceEntry): ActiveScoreState {
  const entries = voiceAt(state, loc, '');
  const copy = entries.slice();
  copy[entryIndex(entries, loc.entryId, '')] = entry;
  return withVoiceEntries(state, loc, copy);
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
  if (removed.length === inserted.length) {
    const same = entries.slice();
    for (let k = 0; k < inserted.length; k++) same[start + k] = inserted[k];
    return same;
  }
  const result = entries.slice(0, start);
  for (let k = 0; k < inserted.length; k++) result.push(inserted[k]);
  for (let k = start + removed.length; k < entries.length; k++) result.push(entries[k]);
  return result;
}
