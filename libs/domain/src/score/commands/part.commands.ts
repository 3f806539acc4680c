import type { Command } from './command';
import type { NewPart } from './score.commands';

/** `index` defaults to the end of the part list. */
export type AddPart = Command<'AddPart', NewPart & { index?: number }>;
export type RemovePart = Command<'RemovePart', { partId: string }>;
export type MovePart = Command<'MovePart', { partId: string; toIndex: number }>;
export type RenamePart = Command<'RenamePart', { partId: string; name: string; abbreviation?: string }>;
/** The name defaults to the new instrument's name. The staff count must stay the same. */
export type ChangeInstrument = Command<
  'ChangeInstrument',
  { partId: string; instrumentId: string; name?: string; abbreviation?: string }
>;

export type PartCommand = AddPart | RemovePart | MovePart | RenamePart | ChangeInstrument;
