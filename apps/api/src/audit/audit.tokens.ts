/** The AuditLog adapter the API writes to. */
export const AUDIT_LOG = Symbol('AUDIT_LOG');
/** Server time for records and the retention purge; tests pass a fixed one. */
export const AUDIT_CLOCK = Symbol('AUDIT_CLOCK');
export type AuditClock = () => Date;
