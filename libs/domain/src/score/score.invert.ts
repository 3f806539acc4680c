import { negateInterval } from '../music/interval';
import type { VoiceSplice } from './events/note.events';
import type { ScoreEvent, ScoreEventOf, ScoreEventType } from './events/score-event';
import type { SelectionTransposed } from './events/transpose.events';
import type { EntryLocator, StaffLocator, VoiceLocator } from './model/locators';

const staffOf = (d: StaffLocator): StaffLocator => ({ partId: d.partId, staff: d.staff, measureId: d.measureId });
const voiceOf = (d: VoiceLocator): VoiceLocator => ({ ...staffOf(d), voice: d.voice });
const entryOf = (d: EntryLocator): EntryLocator => ({ ...voiceOf(d), entryId: d.entryId });

function unsplice(d: VoiceSplice): ScoreEvent {
  return {
    type: 'VoiceEntriesRestored',
    data: { ...voiceOf(d), afterEntryId: d.afterEntryId, removed: d.inserted, inserted: d.removed },
  };
}

function swap<T extends { from: unknown; to: unknown }>(d: T): T {
  return { ...d, from: d.to, to: d.from };
}

function invertTransposition(d: SelectionTransposed['data']): ScoreEvent {
  return {
    type: 'SelectionTransposed',
    data: {
      selection: d.selection,
      interval: negateInterval(d.interval),
      voices: d.voices.map((v) => ({ ...v, changes: v.changes.map(swap) })),
      chordSymbols: d.chordSymbols.map(swap),
      keySignatures: d.keySignatures.map(swap),
    },
  };
}

type Inverters = { [T in ScoreEventType]: (e: ScoreEventOf<T>) => ScoreEvent };

/* A table rather than a switch: the mapped type makes a missing event type a compile error. */
const INVERTERS: Inverters = {
  ScoreCreated: (e) => ({ type: 'ScoreDiscarded', data: e.data }),
  ScoreImported: (e) => ({ type: 'ScoreDiscarded', data: e.data }),
  ScoreDiscarded: (e) => ({ type: 'ScoreImported', data: e.data }),
  ScoreInfoUpdated: (e) => ({ type: e.type, data: swap(e.data) }),
  PartAdded: (e) => ({ type: 'PartRemoved', data: e.data }),
  PartRemoved: (e) => ({ type: 'PartAdded', data: e.data }),
  PartMoved: (e) => ({ type: e.type, data: { ...e.data, fromIndex: e.data.toIndex, toIndex: e.data.fromIndex } }),
  PartRenamed: (e) => ({ type: e.type, data: swap(e.data) }),
  InstrumentChanged: (e) => ({ type: e.type, data: swap(e.data) }),
  MeasuresInserted: (e) => ({ type: 'MeasuresDeleted', data: e.data }),
  MeasuresDeleted: (e) => ({ type: 'MeasuresInserted', data: e.data }),
  TimeSignatureChanged: (e) => ({ type: e.type, data: swap(e.data) }),
  KeySignatureChanged: (e) => ({ type: e.type, data: swap(e.data) }),
  MeasureLengthChanged: (e) => ({ type: e.type, data: swap(e.data) }),
  ClefChanged: (e) => ({ type: e.type, data: swap(e.data) }),
  TempoChanged: (e) => ({ type: e.type, data: swap(e.data) }),
  BarlineChanged: (e) => ({ type: e.type, data: swap(e.data) }),
  VoltaChanged: (e) => ({ type: e.type, data: swap(e.data) }),
  RehearsalMarkChanged: (e) => ({ type: e.type, data: swap(e.data) }),
  TrailingRestsRemoved: (e) => unsplice({ ...e.data, removed: e.data.rests, inserted: [] }),
  NoteWritten: (e) => unsplice(e.data),
  DurationChanged: (e) => unsplice(e.data),
  VoiceEntriesRestored: (e) => unsplice(e.data),
  NoteDeleted: (e) => ({ type: 'NoteRestored', data: { ...entryOf(e.data), restored: e.data.deleted } }),
  NoteRestored: (e) => ({ type: 'NoteDeleted', data: { ...entryOf(e.data), deleted: e.data.restored } }),
  NotePitchChanged: (e) => ({ type: e.type, data: swap(e.data) }),
  ChordPitchAdded: (e) => ({ type: 'ChordPitchRemoved', data: e.data }),
  ChordPitchRemoved: (e) => ({ type: 'ChordPitchAdded', data: e.data }),
  TieAdded: (e) => ({ type: 'TieRemoved', data: e.data }),
  TieRemoved: (e) => ({ type: 'TieAdded', data: e.data }),
  ArticulationAdded: (e) => ({ type: 'ArticulationRemoved', data: e.data }),
  ArticulationRemoved: (e) => ({ type: 'ArticulationAdded', data: e.data }),
  LyricSet: (e) =>
    e.data.from === null
      ? { type: 'LyricCleared', data: { ...entryOf(e.data), lyric: e.data.to } }
      : { type: 'LyricSet', data: { ...entryOf(e.data), from: e.data.to, to: e.data.from } },
  LyricCleared: (e) => ({ type: 'LyricSet', data: { ...entryOf(e.data), from: null, to: e.data.lyric } }),
  DynamicAdded: (e) => ({ type: 'DynamicRemoved', data: e.data }),
  DynamicChanged: (e) => ({ type: e.type, data: swap(e.data) }),
  DynamicRemoved: (e) => ({ type: 'DynamicAdded', data: e.data }),
  HairpinAdded: (e) => ({ type: 'HairpinRemoved', data: e.data }),
  HairpinRemoved: (e) => ({ type: 'HairpinAdded', data: e.data }),
  SlurAdded: (e) => ({ type: 'SlurRemoved', data: e.data }),
  SlurRemoved: (e) => ({ type: 'SlurAdded', data: e.data }),
  ChordSymbolAdded: (e) => ({ type: 'ChordSymbolRemoved', data: e.data }),
  ChordSymbolChanged: (e) => ({ type: e.type, data: swap(e.data) }),
  ChordSymbolRemoved: (e) => ({ type: 'ChordSymbolAdded', data: e.data }),
  TextExpressionAdded: (e) => ({ type: 'TextExpressionRemoved', data: e.data }),
  TextExpressionRemoved: (e) => ({ type: 'TextExpressionAdded', data: e.data }),
  SelectionTransposed: (e) => invertTransposition(e.data),
};

/**
 * The events that undo `event` when applied right after it: evolve(evolve(s, e), ...invert(e)) equals s.
 * Every event carries what this needs (replaced values, deleted content), so nothing is guessed.
 */
export function invert(event: ScoreEvent): ScoreEvent[] {
  const inverter = INVERTERS[event.type] as (e: ScoreEvent) => ScoreEvent;
  return [inverter(event)];
}

/** The events that undo a whole batch (as one command produced it): inverses in reverse order. */
export function invertAll(events: readonly ScoreEvent[]): ScoreEvent[] {
  return events
    .slice()
    .reverse()
    .flatMap((e) => invert(e));
}
