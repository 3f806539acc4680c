import { defineError } from '../errors/define-error';
import { InvalidCommandError, RuleViolationError } from '../errors/domain-error';

const show = (v: unknown): string => JSON.stringify(v);

/** 422: the request is well formed, but a passage without sounding notes has no key to find. */
export const PassageMustHaveNotes = defineError('PassageMustHaveNotes', RuleViolationError, 'NOT_ENOUGH_NOTES',
  (d: { notes: number }) => `Key detection needs notes that sound for some time; got ${d.notes} note(s) and no duration`);

/** 400: a note handed to an analysis has a position or length that cannot be. */
export const AnalysisInputMustBeValid = defineError('AnalysisInputMustBeValid', InvalidCommandError,
  'ANALYSIS_INPUT_MUST_BE_VALID', (d: { field: string; value: unknown; expected: string }) =>
    `${d.field} must be ${d.expected}, got ${show(d.value)}`);

/** 422: a chord needs notes; the selection is empty or holds only rests. */
export const SelectionMustHaveNotes = defineError('SelectionMustHaveNotes', RuleViolationError, 'SELECTION_MUST_HAVE_NOTES',
  () => 'The selection holds no notes to name a chord from');
