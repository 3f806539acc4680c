import type { ElementId, PartMeasure, ScoreEvent, StaffMeasure, StaffNumber, VoiceEntry, VoiceNumber } from '@bandpro/domain';
import { sameState } from '../undo/same-state';

interface Where {
  partId: ElementId;
  measureId: ElementId;
}

/** Replaces only the run of entries between the common start and the common end of the two voices. */
function restoreVoice(where: Where, staff: StaffNumber, voice: VoiceNumber, now: readonly VoiceEntry[], then: readonly VoiceEntry[]): ScoreEvent[] {
  let start = 0;
  while (start < now.length && start < then.length && sameState(now[start], then[start])) start++;
  let end = 0;
  while (end < now.length - start && end < then.length - start && sameState(now[now.length - 1 - end], then[then.length - 1 - end])) end++;
  const removed = now.slice(start, now.length - end);
  const inserted = then.slice(start, then.length - end);
  if (removed.length === 0 && inserted.length === 0) return [];
  const afterEntryId = start === 0 ? null : now[start - 1].id;
  return [{ type: 'VoiceEntriesRestored', data: { ...where, staff, voice, afterEntryId, removed, inserted } }];
}

/** Marks present now but not (identically) then, and the reverse. */
function markDiff<T extends { id: string }>(now: readonly T[], then: readonly T[]): { gone: T[]; back: T[] } {
  const has = (list: readonly T[], mark: T) => list.some((m) => m.id === mark.id && sameState(m, mark));
  return { gone: now.filter((m) => !has(then, m)), back: then.filter((m) => !has(now, m)) };
}

function restoreStaffMarks(where: Where, staff: StaffNumber, now: StaffMeasure, then: StaffMeasure): ScoreEvent[] {
  const at = { ...where, staff };
  const dynamics = markDiff(now.dynamics, then.dynamics);
  const hairpins = markDiff(now.hairpins, then.hairpins);
  const slurs = markDiff(now.slurs, then.slurs);
  const texts = markDiff(now.texts, then.texts);
  return [
    ...dynamics.gone.map((dynamic): ScoreEvent => ({ type: 'DynamicRemoved', data: { ...at, dynamic } })),
    ...hairpins.gone.map((hairpin): ScoreEvent => ({ type: 'HairpinRemoved', data: { ...at, hairpin } })),
    ...slurs.gone.map((slur): ScoreEvent => ({ type: 'SlurRemoved', data: { ...at, slur } })),
    ...texts.gone.map((text): ScoreEvent => ({ type: 'TextExpressionRemoved', data: { ...at, text } })),
    ...dynamics.back.map((dynamic): ScoreEvent => ({ type: 'DynamicAdded', data: { ...at, dynamic } })),
    ...hairpins.back.map((hairpin): ScoreEvent => ({ type: 'HairpinAdded', data: { ...at, hairpin } })),
    ...slurs.back.map((slur): ScoreEvent => ({ type: 'SlurAdded', data: { ...at, slur } })),
    ...texts.back.map((text): ScoreEvent => ({ type: 'TextExpressionAdded', data: { ...at, text } })),
  ];
}

function restoreStaff(where: Where, staff: StaffNumber, now: StaffMeasure, then: StaffMeasure, clefs: boolean): ScoreEvent[] {
  if (now === then) return [];
  const events: ScoreEvent[] = [];
  if (clefs && !sameState(now.clef, then.clef)) events.push({ type: 'ClefChanged', data: { ...where, staff, from: now.clef, to: then.clef } });
  for (let v = 0; v < then.voices.length; v++) {
    events.push(...restoreVoice(where, staff, (v + 1) as VoiceNumber, now.voices[v], then.voices[v]));
  }
  return events.concat(restoreStaffMarks(where, staff, now, then));
}

/**
 * The events that turn one part's content in one measure from `now` back into `then` (same staff count):
 * clefs (unless the caller restores them as carried), each voice's differing run of entries, staff marks and
 * chord symbols.
 */
export function restorePartMeasure(where: Where, now: PartMeasure, then: PartMeasure, options = { clefs: true }): ScoreEvent[] {
  if (now === then) return [];
  const events = then.staves.flatMap((staff, i) => restoreStaff(where, (i + 1) as StaffNumber, now.staves[i], staff, options.clefs));
  const symbols = markDiff(now.chordSymbols, then.chordSymbols);
  return [
    ...events,
    ...symbols.gone.map((chordSymbol): ScoreEvent => ({ type: 'ChordSymbolRemoved', data: { ...where, chordSymbol } })),
    ...symbols.back.map((chordSymbol): ScoreEvent => ({ type: 'ChordSymbolAdded', data: { ...where, chordSymbol } })),
  ];
}
