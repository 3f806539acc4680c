import { defineError, RuleViolationError } from '@bandpro/domain';

/* The error rendering throws, named as the rule it enforces, with a stable code. */

/** The score exported fine but Verovio could not lay it out: a score the engraver cannot draw (422). */
export const ScoreMustBeEngravable = defineError('ScoreMustBeEngravable', RuleViolationError, 'RENDER_FAILED',
  (d: { reason: string }) => `Verovio could not engrave this score: ${d.reason}`);
