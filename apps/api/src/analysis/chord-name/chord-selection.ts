import { ValidateBy, type ValidationOptions } from 'class-validator';
import type { NoteSelection } from '@bandpro/domain';
import { MAX_ID_LENGTH } from '../analysis.dto';

/** A selection names at most this many entries or measures: a chord is a handful of notes, a passage a few bars. */
export const MAX_SELECTED = 1000;

/** What the body may carry: entry ids, or `{ measureIds, partIds? }`. */
export type ChordSelectionInput = string[] | { measureIds: string[]; partIds?: string[] };

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= MAX_SELECTED && value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH);

function isChordSelection(value: unknown): value is ChordSelectionInput {
  if (isIdList(value)) return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { measureIds, partIds, ...others } = value as Record<string, unknown>;
  return Object.keys(others).length === 0 && isIdList(measureIds) && (partIds === undefined || isIdList(partIds));
}

/** The union is checked by hand: class-validator's nested validation cannot say "an array or this object". */
export function IsChordSelection(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isChordSelection',
      validator: {
        validate: isChordSelection,
        defaultMessage: () =>
          `selection must be a list of entry ids or { measureIds, partIds? } (lists of at most ${MAX_SELECTED} ids)`,
      },
    },
    options,
  );
}

/** The domain's selection; `partId` narrows entry ids to one part, or stands for `partIds` when those are absent. */
export function toNoteSelection(selection: ChordSelectionInput, partId: string | undefined): NoteSelection {
  if (Array.isArray(selection)) return { entryIds: selection, partId };
  return { measureIds: selection.measureIds, partIds: selection.partIds ?? (partId === undefined ? undefined : [partId]) };
}
