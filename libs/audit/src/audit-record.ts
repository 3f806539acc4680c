import type { ActorKind } from '@bandpro/events';

/** Who did it: a user, an API key acting for its user, or the system (scheduled jobs). Null when nobody is known (a failed login). */
export interface AuditActor {
  id: string;
  kind: ActorKind;
}

export type AuditOutcome = 'success' | 'failure';

/**
 * One thing that happened, as the server saw it. Actions are dotted names: 'score.command', 'auth.login',
 * 'auth.login_failed', 'access.share', 'access.role_changed', 'export.requested', 'api_key.used',
 * 'admin.audit_purged', … Details stay small (route, method, command types), never secrets.
 */
export interface AuditRecord {
  /** UUIDv7: sorts by creation time. */
  id: string;
  /** Server time, ISO 8601 with milliseconds. */
  at: string;
  actor: AuditActor | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  scoreId?: string;
  outcome: AuditOutcome;
  /** The HTTP status, for records made from requests. */
  status?: number;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  actorId?: string;
  scoreId?: string;
  action?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

export interface AuditQuery extends AuditFilter {
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  limit: number;
}

export interface AuditPage {
  records: AuditRecord[];
  /** Null on the last page. */
  nextCursor: string | null;
}
