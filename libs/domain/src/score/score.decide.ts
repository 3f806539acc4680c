import type { ScoreCommand } from './commands/score-command';
import { decideAddChordPitch, decideChangePitch, decideClearLyric, decideRemoveChordPitch, decideSetArticulation, decideSetLyric, decideSetTie } from './decide/chords.decide';
import { decideCreateScore, decideImportScore, decideUpdateScoreInfo } from './decide/lifecycle.decide';
import {
  decideAddHairpin,
  decideAddSlur,
  decideAddTextExpression,
  decideRemoveChordSymbol,
  decideRemoveDynamic,
  decideRemoveHairpin,
  decideRemoveSlur,
  decideRemoveTextExpression,
  decideSetChordSymbol,
  decideSetDynamic,
} from './decide/marks.decide';
import {
  decideSetBarline,
  decideSetClef,
  decideSetKeySignature,
  decideSetRehearsalMark,
  decideSetTempo,
  decideSetVolta,
} from './decide/measure-marks.decide';
import {
  decideDeleteMeasures,
  decideInsertMeasures,
  decideSetMeasureLength,
  decideSetTimeSignature,
} from './decide/measures.decide';
import { requireMetadata } from './decide/metadata';
import { decideChangeDuration, decideDeleteNote, decideWriteNote } from './decide/notes.decide';
import {
  decideAddPart,
  decideChangeInstrument,
  decideMovePart,
  decideRemovePart,
  decideRenamePart,
} from './decide/parts.decide';
import { decideTransposeSelection } from './decide/transpose.decide';
import type { ScoreEvent } from './events/score-event';
import type { ScoreState } from './model/score.state';
import { CommandMustBeKnown, FieldMustBeValid } from './rules/rule-errors';
import { isRecord } from './validation/values';

/**
 * Checks a command against the current state and returns the events it causes ([] when it changes nothing),
 * or throws a DomainError naming the rule it breaks. Pure: time, ids and the actor come in the command.
 */
export function decide(command: ScoreCommand, state: ScoreState): ScoreEvent[] {
  if (!isRecord(command)) throw new CommandMustBeKnown({ type: undefined });
  requireMetadata(command.metadata);
  if (!isRecord(command.data)) throw new FieldMustBeValid({ field: 'data', value: command.data, expected: 'an object' });
  return decideBy(command, state);
}

function decideBy(command: ScoreCommand, state: ScoreState): ScoreEvent[] {
  switch (command.type) {
    case 'CreateScore':
      return decideCreateScore(command, state);
    case 'ImportScore':
      return decideImportScore(command, state);
    case 'UpdateScoreInfo':
      return decideUpdateScoreInfo(command, state);
    case 'AddPart':
      return decideAddPart(command, state);
    case 'RemovePart':
      return decideRemovePart(command, state);
    case 'MovePart':
      return decideMovePart(command, state);
    case 'RenamePart':
      return decideRenamePart(command, state);
    case 'ChangeInstrument':
      return decideChangeInstrument(command, state);
    case 'InsertMeasures':
      return decideInsertMeasures(command, state);
    case 'DeleteMeasures':
      return decideDeleteMeasures(command, state);
    case 'SetTimeSignature':
      return decideSetTimeSignature(command, state);
    case 'SetKeySignature':
      return decideSetKeySignature(command, state);
    case 'SetMeasureLength':
      return decideSetMeasureLength(command, state);
    case 'SetClef':
      return decideSetClef(command, state);
    case 'SetTempo':
      return decideSetTempo(command, state);
    case 'SetBarline':
      return decideSetBarline(command, state);
    case 'SetVolta':
      return decideSetVolta(command, state);
    case 'SetRehearsalMark':
      return decideSetRehearsalMark(command, state);
    case 'WriteNote':
      return decideWriteNote(command, state);
    case 'DeleteNote':
      return decideDeleteNote(command, state);
    case 'ChangePitch':
      return decideChangePitch(command, state);
    case 'ChangeDuration':
      return decideChangeDuration(command, state);
    case 'AddChordPitch':
      return decideAddChordPitch(command, state);
    case 'RemoveChordPitch':
      return decideRemoveChordPitch(command, state);
    case 'SetTie':
      return decideSetTie(command, state);
    case 'SetArticulation':
      return decideSetArticulation(command, state);
    case 'SetLyric':
      return decideSetLyric(command, state);
    case 'ClearLyric':
      return decideClearLyric(command, state);
    case 'SetDynamic':
      return decideSetDynamic(command, state);
    case 'RemoveDynamic':
      return decideRemoveDynamic(command, state);
    case 'AddHairpin':
      return decideAddHairpin(command, state);
    case 'RemoveHairpin':
      return decideRemoveHairpin(command, state);
    case 'AddSlur':
      return decideAddSlur(command, state);
    case 'RemoveSlur':
      return decideRemoveSlur(command, state);
    case 'SetChordSymbol':
      return decideSetChordSymbol(command, state);
    case 'RemoveChordSymbol':
      return decideRemoveChordSymbol(command, state);
    case 'AddTextExpression':
      return decideAddTextExpression(command, state);
    case 'RemoveTextExpression':
      return decideRemoveTextExpression(command, state);
    case 'TransposeSelection':
      return decideTransposeSelection(command, state);
    default:
      return unknownCommand(command);
  }
}

function unknownCommand(command: never): never {
  throw new CommandMustBeKnown({ type: (command as { type?: unknown }).type });
}
