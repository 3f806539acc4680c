import type { MarkEvent } from './mark.events';
import type { MeasureEvent } from './measure.events';
import type { NoteEvent } from './note.events';
import type { PartEvent } from './part.events';
import type { ScoreLifecycleEvent } from './score.events';
import type { SelectionTransposed } from './transpose.events';

export type ScoreEvent =
  | ScoreLifecycleEvent
  | PartEvent
  | MeasureEvent
  | NoteEvent
  | MarkEvent
  | SelectionTransposed;

export type ScoreEventType = ScoreEvent['type'];

export type ScoreEventOf<T extends ScoreEventType> = Extract<ScoreEvent, { type: T }>;

const EVENT_TYPES: Record<ScoreEventType, true> = {
  ScoreCreated: true,
  ScoreImported: true,
  ScoreDiscarded: true,
  ScoreInfoUpdated: true,
  PartAdded: true,
  PartRemoved: true,
  PartMoved: true,
  PartRenamed: true,
  InstrumentChanged: true,
  MeasuresInserted: true,
  MeasuresDeleted: true,
  TimeSignatureChanged: true,
  KeySignatureChanged: true,
  MeasureLengthChanged: true,
  ClefChanged: true,
  TempoChanged: true,
  BarlineChanged: true,
  VoltaChanged: true,
  RehearsalMarkChanged: true,
  TrailingRestsRemoved: true,
  NoteWritten: true,
  NoteDeleted: true,
  NoteRestored: true,
  DurationChanged: true,
  VoiceEntriesRestored: true,
  NotePitchChanged: true,
  ChordPitchAdded: true,
  ChordPitchRemoved: true,
  TieAdded: true,
  TieRemoved: true,
  ArticulationAdded: true,
  ArticulationRemoved: true,
  LyricSet: true,
  LyricCleared: true,
  DynamicAdded: true,
  DynamicChanged: true,
  DynamicRemoved: true,
  HairpinAdded: true,
  HairpinRemoved: true,
  SlurAdded: true,
  SlurRemoved: true,
  ChordSymbolAdded: true,
  ChordSymbolChanged: true,
  ChordSymbolRemoved: true,
  TextExpressionAdded: true,
  TextExpressionRemoved: true,
  SelectionTransposed: true,
};

/** Every event type; the Record above makes the compiler fail when one is missing. */
export const SCORE_EVENT_TYPES: readonly ScoreEventType[] = Object.freeze(Object.keys(EVENT_TYPES) as ScoreEventType[]);

export function isScoreEvent(e: { type: string }): e is ScoreEvent {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, e.type);
}
