import type { ChordSymbol, Fraction } from '../../music/music.types';
import type { DynamicValue, HairpinKind } from '../model/score.types';
import type { Command, StaffTarget } from './command';

export interface PositionInput {
  measureId: string;
  offset: Fraction;
}

/** Replaces the dynamic already at that offset (keeping its id) or adds one with `dynamicId`. */
export type SetDynamic = Command<
  'SetDynamic',
  StaffTarget & { offset: Fraction; dynamicId: string; value: DynamicValue }
>;
export type RemoveDynamic = Command<'RemoveDynamic', StaffTarget & { dynamicId: string }>;
/** `measureId`/`offset` is where it starts, `end` where it stops. */
export type AddHairpin = Command<
  'AddHairpin',
  StaffTarget & { offset: Fraction; hairpinId: string; kind: HairpinKind; end: PositionInput }
>;
export type RemoveHairpin = Command<'RemoveHairpin', StaffTarget & { hairpinId: string }>;
/** From the note at `offset` in `voice` to the note at `end` in the same voice. */
export type AddSlur = Command<
  'AddSlur',
  StaffTarget & { voice: number; offset: Fraction; slurId: string; end: PositionInput }
>;
export type RemoveSlur = Command<'RemoveSlur', StaffTarget & { slurId: string }>;
/** Replaces the chord symbol already at that offset (keeping its id) or adds one with `chordSymbolId`. */
export type SetChordSymbol = Command<
  'SetChordSymbol',
  { partId: string; measureId: string; offset: Fraction; chordSymbolId: string; symbol: ChordSymbol }
>;
export type RemoveChordSymbol = Command<
  'RemoveChordSymbol',
  { partId: string; measureId: string; chordSymbolId: string }
>;
export type AddTextExpression = Command<
  'AddTextExpression',
  StaffTarget & { offset: Fraction; textId: string; text: string }
>;
export type RemoveTextExpression = Command<'RemoveTextExpression', StaffTarget & { textId: string }>;

export type MarkCommand =
  | SetDynamic
  | RemoveDynamic
  | AddHairpin
  | RemoveHairpin
  | AddSlur
  | RemoveSlur
  | SetChordSymbol
  | RemoveChordSymbol
  | AddTextExpression
  | RemoveTextExpression;
