import type { Duration, Fraction, Pitch } from '../../music/music.types';
import type { Articulation, Syllabic } from '../model/score.types';
import type { Command, EntryTarget, VoiceTarget } from './command';

export interface NewNote {
  id: string;
  pitch: Pitch;
}

/**
 * Writes a chord (or a single note, or a rest when `notes` is empty) at `offset`, overwriting what is there
 * the way note input does; the rest of what it cuts into is filled with rests whose ids are
 * `<entryId>:1`, `<entryId>:2`... A tuplet duration writes a whole tuplet group: the note, then rests.
 */
export type WriteNote = Command<
  'WriteNote',
  VoiceTarget & { offset: Fraction; entryId: string; duration: Duration; notes: NewNote[] }
>;
/** Turns a chord into a rest of the same length and id (deleting a rest does nothing). */
export type DeleteNote = Command<'DeleteNote', EntryTarget>;
export type ChangePitch = Command<'ChangePitch', EntryTarget & { noteId: string; pitch: Pitch }>;
/** Rewrites the entry with a new duration; rests it creates get ids `<restIdSeed>:1`, `<restIdSeed>:2`... */
export type ChangeDuration = Command<
  'ChangeDuration',
  EntryTarget & { duration: Duration; restIdSeed: string }
>;
export type AddChordPitch = Command<'AddChordPitch', EntryTarget & { noteId: string; pitch: Pitch }>;
export type RemoveChordPitch = Command<'RemoveChordPitch', EntryTarget & { noteId: string }>;
export type SetTie = Command<'SetTie', EntryTarget & { noteId: string; tied: boolean }>;
export type SetArticulation = Command<
  'SetArticulation',
  EntryTarget & { articulation: Articulation; present: boolean }
>;
export type SetLyric = Command<'SetLyric', EntryTarget & { verse: number; text: string; syllabic?: Syllabic }>;
export type ClearLyric = Command<'ClearLyric', EntryTarget & { verse: number }>;

export type NoteCommand =
  | WriteNote
  | DeleteNote
  | ChangePitch
  | ChangeDuration
  | AddChordPitch
  | RemoveChordPitch
  | SetTie
  | SetArticulation
  | SetLyric
  | ClearLyric;
