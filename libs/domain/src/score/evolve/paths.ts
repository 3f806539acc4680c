import { EventDoesNotApply } from '../../errors/event-does-not-apply';
import type { EntryLocator, StaffLocator, VoiceLocator } from '../model/locators';
import type { ActiveScoreState, ScoreState } from '../model/score.state';
import type { ChordEntry, Measure, PartMeasure, StaffMeasure, VoiceEntry } from '../model/score.types';
import { withContent, withKey, withMeasures, withStaves, withVoices } from '../model/copy';
import { isOwned, own } from './transient';

/*
 * Structural sharing: each write copies only the objects and arrays on the path to what changes (see the
 * writers at the end). The measure-level helpers are pure on one measure so batch edits can copy the
 * measure list once.
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
  return putMeasure(state, index, update(state.measures[index]));
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
  const m = state.measures[index];
  const pm = m.content[loc.partId];
  if (pm === undefined) throw new EventDoesNotApply(eventType, 'no such part', { partId: loc.partId });
  return putPartMeasure(state, index, m, loc.partId, update(pm));
}

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
  return putStaff(state, index, m, pm, loc, update(sm));
}

/*
 * Events built by decide come in many object shapes, so reading their locator fields at every level of the
 * path would go through V8's megamorphic lookups. The hot handlers copy the locator once into one shape.
 */
export function voiceLocator(loc: VoiceLocator): VoiceLocator {
  return { partId: loc.partId, staff: loc.staff, measureId: loc.measureId, voice: loc.voice };
}

/** The entries of the voice `loc` names, checking only the path to it (O(path), no search of the score). */
export function voiceAt(state: ActiveScoreState, loc: VoiceLocator, eventType: string): VoiceEntry[] {
  const pm = state.measures[measureAt(state, loc.measureId, eventType)].content[loc.partId];
  if (pm === undefined) throw new EventDoesNotApply(eventType, 'no such part', { partId: loc.partId });
  const sm = pm.staves[loc.staff - 1];
  if (sm === undefined) throw new EventDoesNotApply(eventType, 'no such staff', { staff: loc.staff });
  return sm.voices[loc.voice - 1];
}

/** The hottest path (every note edit): replaces the entries of a voice that `voiceAt` found, allocating no closures. */
export function withVoiceEntries(state: ActiveScoreState, loc: VoiceLocator, entries: VoiceEntry[]): ActiveScoreState {
  const index = state.measureIndex[loc.measureId];
  const m = state.measures[index];
  const pm = m.content[loc.partId];
  return putVoice(state, index, m, pm, pm.staves[loc.staff - 1], loc, entries);
}

/** `update` may return the entries it was given, written in place when the running fold owns them. */
export function updateVoice(
  state: ActiveScoreState,
  loc: VoiceLocator,
  eventType: string,
  update: (entries: VoiceEntry[]) => VoiceEntry[],
): ActiveScoreState {
  const entries = voiceAt(state, loc, eventType);
  const updated = update(entries);
  return updated === entries ? state : withVoiceEntries(state, loc, updated);
}

/*
 * The ids of one score (ULIDs, UUIDv7: a time prefix, then random) tend to share long prefixes, so comparing
 * last characters first settles most misses with one load instead of a walk over the whole id.
 */
export function entryIndex(entries: readonly VoiceEntry[], entryId: string, eventType: string): number {
  const last = entryId[entryId.length - 1];
  for (let i = 0; i < entries.length; i++) {
    const id = entries[i].id;
    if (id[id.length - 1] === last && id === entryId) return i;
  }
  throw new EventDoesNotApply(eventType, 'no such entry', { entryId });
}

/** Where an event's entry is: its locator in one shape, the entries of its voice and its index there. */
export interface EntrySpot extends EntryLocator {
  entries: VoiceEntry[];
  index: number;
}

/** Finds the entry an event names, checking only the path to it; read once, written back with `withEntry`. */
export function entrySpot(state: ActiveScoreState, data: EntryLocator, eventType: string): EntrySpot {
  const { partId, staff, measureId, voice, entryId } = data;
  const entries = voiceAt(state, { partId, staff, measureId, voice }, eventType);
  return { partId, staff, measureId, voice, entryId, entries, index: entryIndex(entries, entryId, eventType) };
}

/** The chord at `spot`; throws when it is a rest. */
export function chordAt(spot: EntrySpot, eventType: string): ChordEntry {
  const entry = spot.entries[spot.index];
  if (entry.kind !== 'chord') throw new EventDoesNotApply(eventType, 'the entry is a rest', { entryId: entry.id });
  return entry;
}

/** Replaces the entry at `spot` with `entry`. */
export function withEntry(state: ActiveScoreState, spot: EntrySpot, entry: VoiceEntry): ActiveScoreState {
  if (isOwned(spot.entries)) {
    spot.entries[spot.index] = entry;
    return state;
  }
  const copy = own(spot.entries.slice());
  copy[spot.index] = entry;
  return withVoiceEntries(state, spot, copy);
}

/** Replaces `removed` (checked by id) after `afterEntryId` with `inserted`. */
export function spliceEntries(
  entries: VoiceEntry[],
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
  if (isOwned(entries)) return spliceInPlace(entries, start, removed.length, inserted);
  if (removed.length === inserted.length) {
    const same = own(entries.slice());
    for (let k = 0; k < inserted.length; k++) same[start + k] = inserted[k];
    return same;
  }
  const result = own(entries.slice(0, start));
  for (let k = 0; k < inserted.length; k++) result.push(inserted[k]);
  for (let k = start + removed.length; k < entries.length; k++) result.push(entries[k]);
  return result;
}

/** `entries.splice(start, removing, ...inserted)` without spreading the arguments, and never leaving a hole. */
function spliceInPlace(entries: VoiceEntry[], start: number, removing: number, inserted: readonly VoiceEntry[]): VoiceEntry[] {
  const end = start + removing;
  const shift = inserted.length - removing;
  if (shift > 0) {
    const length = entries.length;
    for (let k = 0; k < shift; k++) entries.push(inserted[0]);
    for (let k = length - 1; k >= end; k--) entries[k + shift] = entries[k];
  } else if (shift < 0) {
    for (let k = end; k < entries.length; k++) entries[k + shift] = entries[k];
    entries.length += shift;
  }
  for (let k = 0; k < inserted.length; k++) entries[start + k] = inserted[k];
  return entries;
}

/*
 * The writers below put one new value into the working state and return the state. A container the running
 * batch fold owns (transient.ts) is written in place, and the path above it is left as it is; any other is
 * copied with the path above it, and the copies are owned. Outside a fold nothing is owned, so each write
 * copies the path to what changes: O(measures + parts + entries in one voice) pointers, never the score.
 */

function putMeasure(state: ActiveScoreState, index: number, m: Measure): ActiveScoreState {
  if (isOwned(state.measures)) {
    state.measures[index] = m;
    return state;
  }
  const measures = own(state.measures.slice());
  measures[index] = m;
  return withMeasures(state, measures);
}

function putPartMeasure(state: ActiveScoreState, index: number, m: Measure, partId: string, pm: PartMeasure): ActiveScoreState {
  // An own `__proto__` key could be written in place too, but a missing one would set the prototype.
  if (isOwned(m.content) && partId !== '__proto__') {
    m.content[partId] = pm;
    return state;
  }
  return putMeasure(state, index, withContent(m, own(withKey(m.content, partId, pm))));
}

function putStaff(
  state: ActiveScoreState,
  index: number,
  m: Measure,
  pm: PartMeasure,
  loc: StaffLocator,
  sm: StaffMeasure,
): ActiveScoreState {
  if (isOwned(pm.staves)) {
    pm.staves[loc.staff - 1] = sm;
    return state;
  }
  const staves = own(pm.staves.slice());
  staves[loc.staff - 1] = sm;
  return putPartMeasure(state, index, m, loc.partId, withStaves(pm, staves));
}

function putVoice(
  state: ActiveScoreState,
  index: number,
  m: Measure,
  pm: PartMeasure,
  sm: StaffMeasure,
  loc: VoiceLocator,
  entries: VoiceEntry[],
): ActiveScoreState {
  if (isOwned(sm.voices)) {
    sm.voices[loc.voice - 1] = entries;
    return state;
  }
  const voices = own(sm.voices.slice());
  voices[loc.voice - 1] = entries;
  return putStaff(state, index, m, pm, loc, withVoices(sm, voices));
}
