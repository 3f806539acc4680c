import type { Clef, Fraction, KeySignature, TimeSignature } from '../../music/music.types';
import type { StaffLocator, VoiceLocator } from '../model/locators';
import type { ElementId, EndBarline, Measure, RestEntry, StartBarline, TempoMark, Volta } from '../model/score.types';
import type { DomainEvent } from './event';

/** The measures exactly as inserted (ids, attributes, empty content for every part). */
export type MeasuresInserted = DomainEvent<'MeasuresInserted', { index: number; measures: Measure[] }>;
/** The deleted measures in full, with every part's content in them. */
export type MeasuresDeleted = DomainEvent<'MeasuresDeleted', { index: number; measures: Measure[] }>;

type Change<T> = { measureId: ElementId; from: T; to: T };

export type TimeSignatureChanged = DomainEvent<'TimeSignatureChanged', Change<TimeSignature | null>>;
export type KeySignatureChanged = DomainEvent<'KeySignatureChanged', Change<KeySignature | null>>;
export type MeasureLengthChanged = DomainEvent<'MeasureLengthChanged', Change<Fraction | null>>;
export type ClefChanged = DomainEvent<'ClefChanged', StaffLocator & { from: Clef | null; to: Clef | null }>;
export type TempoChanged = DomainEvent<'TempoChanged', Change<TempoMark | null>>;
export type BarlineChanged = DomainEvent<
  'BarlineChanged',
  | ({ side: 'start' } & Change<StartBarline>)
  | ({ side: 'end' } & Change<EndBarline>)
>;
export type VoltaChanged = DomainEvent<'VoltaChanged', Change<Volta | null>>;
export type RehearsalMarkChanged = DomainEvent<'RehearsalMarkChanged', Change<string | null>>;
/**
 * Rests that no longer fit once a measure became shorter (new time signature or length), removed from the
 * end of a voice; `afterEntryId` is the entry they followed (null: the voice is now empty).
 */
export type TrailingRestsRemoved = DomainEvent<
  'TrailingRestsRemoved',
  VoiceLocator & { afterEntryId: ElementId | null; rests: RestEntry[] }
>;

export type MeasureEvent =
  | MeasuresInserted
  | MeasuresDeleted
  | TimeSignatureChanged
  | KeySignatureChanged
  | MeasureLengthChanged
  | ClefChanged
  | TempoChanged
  | BarlineChanged
  | VoltaChanged
  | RehearsalMarkChanged
  | TrailingRestsRemoved;
