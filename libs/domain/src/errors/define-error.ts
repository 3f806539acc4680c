import type { DomainError, DomainErrorKind, ErrorDetails } from './domain-error';

/** The instance side of DomainError without its abstract marker, so a class expression may extend it. */
interface DomainErrorInstance extends Error {
  readonly kind: DomainErrorKind;
  readonly code: string;
  readonly details?: ErrorDetails;
}

type ErrorBase = new (code: string, message: string, details?: ErrorDetails) => DomainErrorInstance;

export interface DefinedError<D extends ErrorDetails> {
  new (details: D): DomainError;
  readonly code: string;
}

/**
 * Declares one rule's error: a DomainError subclass named after the rule, with its stable code on the class
 * (`NoteMustFitInMeasure.code`) so callers and tests never repeat the string.
 */
export function defineError<D extends ErrorDetails>(
  name: string,
  Base: ErrorBase,
  code: string,
  message: (details: D) => string,
): DefinedError<D> {
  const Defined = class extends Base {
    static readonly code = code;
    constructor(details: D) {
      super(code, message(details), details);
      this.name = name;
    }
  };
  Object.defineProperty(Defined, 'name', { value: name });
  return Defined as unknown as DefinedError<D>;
}
