import { ConflictError, DomainError, InvalidCommandError, isDomainError, NotFoundError, RuleViolationError } from './domain-error';
import { defineError } from './define-error';
import { EventDoesNotApply } from './event-does-not-apply';

describe('DomainError', () => {
  it('should carry a stable code, a message, details and the kind the application maps to a status', () => {
    const kinds = [InvalidCommandError, NotFoundError, ConflictError, RuleViolationError].map((E) => new E('CODE', 'message', { a: 1 }));
    expect(kinds.map((e) => e.kind)).toEqual(['invalid', 'not-found', 'conflict', 'rule']);
    expect(kinds.every((e) => e instanceof DomainError && e instanceof Error && isDomainError(e))).toBe(true);
    expect(kinds[0]).toMatchObject({ code: 'CODE', message: 'message', details: { a: 1 }, name: 'InvalidCommandError' });
    expect(isDomainError(new Error('x'))).toBe(false);
  });

  it('should define rule errors named after their rule, with the code on the class', () => {
    const NoteMustBeLoud = defineError('NoteMustBeLoud', RuleViolationError, 'NOTE_MUST_BE_LOUD', (d: { db: number }) => `Only ${d.db} dB`);
    const error = new NoteMustBeLoud({ db: 3 });
    expect(NoteMustBeLoud.code).toBe('NOTE_MUST_BE_LOUD');
    expect(NoteMustBeLoud.name).toBe('NoteMustBeLoud');
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error).toMatchObject({ name: 'NoteMustBeLoud', code: 'NOTE_MUST_BE_LOUD', kind: 'rule', message: 'Only 3 dB', details: { db: 3 } });
  });

  it('should report events that do not apply as conflicts', () => {
    const error = new EventDoesNotApply('TempoChanged', 'no such measure', { measureId: 'm' });
    expect(error).toMatchObject({ code: 'EVENT_DOES_NOT_APPLY', kind: 'conflict', details: { eventType: 'TempoChanged', measureId: 'm' } });
  });
});
