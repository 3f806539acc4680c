import { DomainError, type DomainErrorKind, type ErrorDetails } from '../errors/domain-error';

/** Stable codes for every way a music primitive can be misused; callers branch on these, never on messages. */
export type MusicErrorCode =
  | 'INVALID_FRACTION'
  | 'INVALID_DURATION'
  | 'INVALID_TIME_SIGNATURE'
  | 'INVALID_GAP'
  | 'UNEXPRESSIBLE_DURATION'
  | 'INVALID_PITCH'
  | 'INVALID_INTERVAL'
  | 'SPELLING_OUT_OF_RANGE'
  | 'INVALID_KEY_SIGNATURE'
  | 'INVALID_CHORD_SYMBOL';

/** Misuse of a primitive is bad input; a request that is well formed but cannot be notated breaks a rule. */
const RULE_CODES: readonly MusicErrorCode[] = ['SPELLING_OUT_OF_RANGE', 'UNEXPRESSIBLE_DURATION'];

export class MusicError extends DomainError {
  readonly kind: DomainErrorKind;

  constructor(
    override readonly code: MusicErrorCode,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(code, message, details);
    this.kind = RULE_CODES.includes(code) ? 'rule' : 'invalid';
  }
}
