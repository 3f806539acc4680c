import type { MarkCommand } from './mark.commands';
import type { MeasureCommand } from './measure.commands';
import type { NoteCommand } from './note.commands';
import type { PartCommand } from './part.commands';
import type { ScoreLifecycleCommand } from './score.commands';
import type { TransposeSelection } from './transpose.commands';

export type ScoreCommand =
  | ScoreLifecycleCommand
  | PartCommand
  | MeasureCommand
  | NoteCommand
  | MarkCommand
  | TransposeSelection;

export type ScoreCommandType = ScoreCommand['type'];

const COMMAND_TYPES: Record<ScoreCommandType, true> = {
  CreateScore: true,
  ImportScore: true,
  UpdateScoreInfo: true,
  AddPart: true,
  RemovePart: true,
  MovePart: true,
  RenamePart: true,
  ChangeInstrument: true,
  InsertMeasures: true,
  DeleteMeasures: true,
  SetTimeSignature: true,
  SetKeySignature: true,
  SetMeasureLength: true,
  SetClef: true,
  SetTempo: true,
  SetBarline: true,
  SetVolta: true,
  SetRehearsalMark: true,
  WriteNote: true,
  DeleteNote: true,
  ChangePitch: true,
  ChangeDuration: true,
  AddChordPitch: true,
  RemoveChordPitch: true,
  SetTie: true,
  SetArticulation: true,
  SetLyric: true,
  ClearLyric: true,
  SetDynamic: true,
  RemoveDynamic: true,
  AddHairpin: true,
  RemoveHairpin: true,
  AddSlur: true,
  RemoveSlur: true,
  SetChordSymbol: true,
  RemoveChordSymbol: true,
  AddTextExpression: true,
  RemoveTextExpression: true,
  TransposeSelection: true,
};

/** Every command type; the Record above makes the compiler fail when one is missing. */
export const SCORE_COMMAND_TYPES: readonly ScoreCommandType[] = Object.freeze(
  Object.keys(COMMAND_TYPES) as ScoreCommandType[],
);

export function isScoreCommand(c: { type: string }): c is ScoreCommand {
  return Object.prototype.hasOwnProperty.call(COMMAND_TYPES, c.type);
}
