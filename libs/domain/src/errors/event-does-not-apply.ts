import { ConflictError } from './domain-error';

/**
 * evolve met an event that does not fit the state: it names something that is not there, or content that
 * differs from what the event says it replaces. In a stream decide produced this never happens; it is how an
 * inverse (undo) that no longer fits a changed score is refused instead of corrupting it.
 */
export class EventDoesNotApply extends ConflictError {
  constructor(eventType: string, reason: string, details?: Record<string, unknown>) {
    super('EVENT_DOES_NOT_APPLY', `${eventType} does not apply: ${reason}`, { eventType, ...details });
  }
}
