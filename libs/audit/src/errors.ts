/** Base of every error an audit log throws; driver errors never escape an adapter. */
export abstract class AuditLogError extends Error {
  abstract readonly code: string;
}

export class InvalidAuditQueryError extends AuditLogError {
  readonly code = 'INVALID_AUDIT_QUERY';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAuditQueryError';
  }
}

export class InvalidAuditRecordError extends AuditLogError {
  readonly code = 'INVALID_AUDIT_RECORD';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAuditRecordError';
  }
}

export class AuditLogUnavailableError extends AuditLogError {
  readonly code = 'AUDIT_LOG_UNAVAILABLE';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'AuditLogUnavailableError';
  }
}
