import { SetMetadata } from '@nestjs/common';
import type { AuditActor } from '@bandpro/audit';

export const AUDIT_ACTION = 'bandpro:auditAction';

export interface AuditedAction {
  action: string;
  /** The action recorded when the request fails, e.g. 'auth.login_failed'. */
  onFailure?: string;
}

/**
 * Names what the route does in the audit log (default `<controller>.<handler>`). Routes carrying it are
 * recorded whatever their method, so admin reads are audited too.
 */
export const Audit = (action: string, options: { onFailure?: string } = {}) => SetMetadata(AUDIT_ACTION, { action, ...options } satisfies AuditedAction);

/** What a handler adds to its request's audit record: the actor a login just proved, a new score, small details. */
export interface AuditNote {
  actor?: AuditActor;
  /** A score the route has no parameter for: the one it just created. */
  scoreId?: string;
  details?: Record<string, unknown>;
}

const notes = new WeakMap<object, AuditNote>();

export function noteAudit(request: object, note: AuditNote): void {
  const previous = notes.get(request) ?? {};
  notes.set(request, { ...previous, ...note, details: { ...previous.details, ...note.details } });
}

export function auditNoteOf(request: object): AuditNote {
  return notes.get(request) ?? {};
}
