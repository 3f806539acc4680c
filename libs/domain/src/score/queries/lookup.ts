import type { EntryTarget, StaffTarget, VoiceTarget } from '../commands/command';
import type { EntryLocator, StaffLocator, VoiceLocator } from '../model/locators';
import type { ActiveScoreState, ScoreState } from '../model/score.state';
import type { Measure, Part, StaffMeasure, VoiceEntry, VoiceNumber } from '../model/score.types';
import {
  ReferencedElementMustExist,
  ScoreMustExist,
  StaffMustExistInPart,
  VoiceMustBeOneToFour,
} from '../rules/rule-errors';
import { entryOffsets } from './voice';
import type { Fraction } from '../../music/music.types';

export function requireScore(state: ScoreState, command: string): ActiveScoreState {
  if (state.status !== 'active') throw new ScoreMustExist({ command });
  return state;
}

export function requirePart(state: ActiveScoreState, partId: unknown): { part: Part; index: number } {
  const index = state.parts.findIndex((p) => p.id === partId);
  if (index < 0) throw new ReferencedElementMustExist({ kind: 'part', id: partId });
  return { part: state.parts[index], index };
}

export function requireMeasure(state: ActiveScoreState, measureId: unknown): { measure: Measure; index: number } {
  const index = typeof measureId === 'string' ? state.measureIndex[measureId] : undefined;
  if (index === undefined) throw new ReferencedElementMustExist({ kind: 'measure', id: measureId });
  return { measure: state.measures[index], index };
}

export function requireVoiceNumber(voice: unknown): VoiceNumber {
  if (voice !== 1 && voice !== 2 && voice !== 3 && voice !== 4) throw new VoiceMustBeOneToFour({ voice });
  return voice;
}

export interface StaffContext {
  locator: StaffLocator;
  part: Part;
  measure: Measure;
  measureIndex: number;
  staff: StaffMeasure;
}

export function requireStaff(state: ActiveScoreState, target: StaffTarget): StaffContext {
  const { part } = requirePart(state, target.partId);
  const { measure, index } = requireMeasure(state, target.measureId);
  if (target.staff !== 1 && !(target.staff === 2 && part.staves === 2)) {
    throw new StaffMustExistInPart({ partId: part.id, staff: target.staff });
  }
  const locator: StaffLocator = { partId: part.id, staff: target.staff, measureId: measure.id };
  return { locator, part, measure, measureIndex: index, staff: measure.content[part.id].staves[target.staff - 1] };
}

export interface VoiceContext extends StaffContext {
  locator: VoiceLocator;
  entries: VoiceEntry[];
}

export function requireVoice(state: ActiveScoreState, target: VoiceTarget): VoiceContext {
  const voice = requireVoiceNumber(target.voice);
  const ctx = requireStaff(state, target);
  return { ...ctx, locator: { ...ctx.locator, voice }, entries: ctx.staff.voices[voice - 1] };
}

export interface EntryContext extends VoiceContext {
  locator: EntryLocator;
  entry: VoiceEntry;
  index: number;
  offset: Fraction;
}

export function requireEntry(state: ActiveScoreState, target: EntryTarget): EntryContext {
  const ctx = requireVoice(state, target);
  const index = ctx.entries.findIndex((e) => e.id === target.entryId);
  if (index < 0) throw new ReferencedElementMustExist({ kind: 'entry', id: target.entryId });
  const entry = ctx.entries[index];
  const offset = entryOffsets(ctx.entries)[index];
  return { ...ctx, locator: { ...ctx.locator, entryId: entry.id }, entry, index, offset };
}
