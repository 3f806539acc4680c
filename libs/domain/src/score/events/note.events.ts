import type { Duration, Fraction, Pitch } from '../../music/music.types';
import type { EntryLocator, VoiceLocator } from '../model/locators';
import type { Articulation, ChordEntry, ElementId, Lyric, Note, VoiceEntry } from '../model/score.types';
import type { DomainEvent } from './event';

/**
 * A replacement of consecutive entries in a voice: `removed` (in order) follow the entry `afterEntryId`
 * (null: the start of the voice) and are replaced by `inserted`. Carrying both makes the inverse exact.
 */
export interface VoiceSplice extends VoiceLocator {
  afterEntryId: ElementId | null;
  removed: VoiceEntry[];
  inserted: VoiceEntry[];
}

/** `entryId` is the entry written at `offset`; `inserted` holds it and the rests that fill around it. */
export type NoteWritten = DomainEvent<'NoteWritten', VoiceSplice & { entryId: ElementId; offset: Fraction }>;
/** The chord became a rest with the same id and duration; `deleted` is the chord as it was. */
export type NoteDeleted = DomainEvent<'NoteDeleted', EntryLocator & { deleted: ChordEntry }>;
/** The inverse of NoteDeleted: the rest with that id becomes the chord again. */
export type NoteRestored = DomainEvent<'NoteRestored', EntryLocator & { restored: ChordEntry }>;
export type DurationChanged = DomainEvent<
  'DurationChanged',
  VoiceSplice & { entryId: ElementId; offset: Fraction; from: Duration; to: Duration }
>;
/** Puts back entries an earlier edit replaced (the inverse of the splicing events). */
export type VoiceEntriesRestored = DomainEvent<'VoiceEntriesRestored', VoiceSplice>;
export type NotePitchChanged = DomainEvent<
  'NotePitchChanged',
  EntryLocator & { noteId: ElementId; from: Pitch; to: Pitch }
>;
export type ChordPitchAdded = DomainEvent<'ChordPitchAdded', EntryLocator & { note: Note; index: number }>;
export type ChordPitchRemoved = DomainEvent<'ChordPitchRemoved', EntryLocator & { note: Note; index: number }>;
export type TieAdded = DomainEvent<'TieAdded', EntryLocator & { noteId: ElementId }>;
export type TieRemoved = DomainEvent<'TieRemoved', EntryLocator & { noteId: ElementId }>;
export type ArticulationAdded = DomainEvent<
  'ArticulationAdded',
  EntryLocator & { articulation: Articulation; index: number }
>;
export type ArticulationRemoved = DomainEvent<
  'ArticulationRemoved',
  EntryLocator & { articulation: Articulation; index: number }
>;
/** `from` is the lyric of that verse it replaced, if any. */
export type LyricSet = DomainEvent<'LyricSet', EntryLocator & { from: Lyric | null; to: Lyric }>;
export type LyricCleared = DomainEvent<'LyricCleared', EntryLocator & { lyric: Lyric }>;

export type NoteEvent =
  | NoteWritten
  | NoteDeleted
  | NoteRestored
  | DurationChanged
  | VoiceEntriesRestored
  | NotePitchChanged
  | ChordPitchAdded
  | ChordPitchRemoved
  | TieAdded
  | TieRemoved
  | ArticulationAdded
  | ArticulationRemoved
  | LyricSet
  | LyricCleared;
