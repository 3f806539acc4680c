/**
 * The base of every error the domain throws. `code` is stable (UPPER_SNAKE) and is what clients and the
 * HTTP/socket layers switch on; `message` is for humans and may change; `details` locate the problem.
 *
 * The subclasses say which kind of failure it is, so the application maps them to a status in one place:
 * InvalidCommandError → 400, NotFoundError → 404, ConflictError → 409, RuleViolationError → 422.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict' | 'rule';

export type ErrorDetails = Readonly<Record<string, unknown>>;

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command is malformed: a value has the wrong shape or is out of its range. */
export class InvalidCommandError extends DomainError {
  readonly kind = 'invalid' as const;
}

/** The command refers to something that does not exist (the score, a part, a measure, an entry...). */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
}

/** The command clashes with what exists already (a duplicate id, a score that exists). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}

/** The command is well formed but would break a rule of music notation or of the score model. */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule' as const;
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
