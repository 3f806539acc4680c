import type { Clef, Fraction, KeySignature, TimeSignature } from '../../music/music.types';
import type { EndBarline, StartBarline, TempoMark } from '../model/score.types';
import type { Command, StaffTarget } from './command';

/** Inserts new empty measures before `beforeMeasureId`, or at the end when it is null. */
export type InsertMeasures = Command<'InsertMeasures', { beforeMeasureId: string | null; measureIds: string[] }>;
/** Deletes the measures from `fromMeasureId` to `toMeasureId`, both included. */
export type DeleteMeasures = Command<'DeleteMeasures', { fromMeasureId: string; toMeasureId: string }>;
/** null removes a change (never on the first measure). */
export type SetTimeSignature = Command<
  'SetTimeSignature',
  { measureId: string; timeSignature: TimeSignature | null }
>;
export type SetKeySignature = Command<'SetKeySignature', { measureId: string; keySignature: KeySignature | null }>;
/** Makes a measure irregular (a pickup is a short first measure); null restores the full length. */
export type SetMeasureLength = Command<'SetMeasureLength', { measureId: string; length: Fraction | null }>;
export type SetClef = Command<'SetClef', StaffTarget & { clef: Clef | null }>;
export type SetTempo = Command<'SetTempo', { measureId: string; tempo: TempoMark | null }>;
export type SetBarline = Command<
  'SetBarline',
  { measureId: string } & ({ side: 'start'; style: StartBarline } | { side: 'end'; style: EndBarline })
>;
/** Puts the measures from `fromMeasureId` to `toMeasureId` under one volta bracket; null removes it. */
export type SetVolta = Command<
  'SetVolta',
  { fromMeasureId: string; toMeasureId: string; numbers: number[] | null }
>;
export type SetRehearsalMark = Command<'SetRehearsalMark', { measureId: string; text: string | null }>;

export type MeasureCommand =
  | InsertMeasures
  | DeleteMeasures
  | SetTimeSignature
  | SetKeySignature
  | SetMeasureLength
  | SetClef
  | SetTempo
  | SetBarline
  | SetVolta
  | SetRehearsalMark;
