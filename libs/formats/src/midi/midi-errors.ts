import { defineError, InvalidCommandError, NotFoundError, RuleViolationError } from '@bandpro/domain';

/* The errors exportMidi throws, named as the rule each enforces, with stable codes. */

export const MidiPpqMustBeValid = defineError('MidiPpqMustBeValid', InvalidCommandError, 'MIDI_PPQ_MUST_BE_VALID',
  (d: { ppq: unknown }) => `ppq must be an integer from 1 to 32767 (a 15-bit SMF division), got ${JSON.stringify(d.ppq)}`);

export const MidiPartMustExist = defineError('MidiPartMustExist', NotFoundError, 'MIDI_PART_MUST_EXIST',
  (d: { partId: string }) => `No part ${JSON.stringify(d.partId)} in this score`);

export const MidiRepeatsMustUnrollWithinLimit = defineError('MidiRepeatsMustUnrollWithinLimit', RuleViolationError,
  'MIDI_REPEATS_MUST_UNROLL_WITHIN_LIMIT',
  (d: { limit: number }) => `Unrolling the repeats plays more than ${d.limit} measures (deeply nested repeats?)`);
