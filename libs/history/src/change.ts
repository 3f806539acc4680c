/** Marks an undo change: its correlationId is `undo:<commandId of the change it undoes>`. */
export const UNDO_MARK = 'undo:';
/** Marks a redo change: its correlationId is `redo:<commandId of the undo it reverses>`. */
export const REDO_MARK = 'redo:';

export type ChangeKind = 'edit' | 'undo' | 'redo';

export interface HistoryActor {
  id: string;
  kind: 'user' | 'api-key' | 'system';
}

/** A stored event as history needs it (structurally a `StoredEvent` of `@bandpro/events`). */
export interface HistoryEvent {
  type: string;
  data: unknown;
  version: number;
  metadata: { commandId: string; correlationId: string; causationId: string; actor: HistoryActor; recordedAt: string };
}

/** One command (or batch) as the user made it: the run of consecutive events sharing a commandId. */
export interface Change {
  commandId: string;
  fromVersion: number;
  toVersion: number;
  actor: HistoryActor;
  recordedAt: string;
  kind: ChangeKind;
  /** For an undo or redo: the commandId of the change it reverses. */
  target?: string;
  events: HistoryEvent[];
}

function kindOf(correlationId: string): { kind: ChangeKind; target?: string } {
  if (correlationId.startsWith(UNDO_MARK)) return { kind: 'undo', target: correlationId.slice(UNDO_MARK.length) };
  if (correlationId.startsWith(REDO_MARK)) return { kind: 'redo', target: correlationId.slice(REDO_MARK.length) };
  return { kind: 'edit' };
}

/** Groups events (in version order) into changes. */
export function changesOf(events: readonly HistoryEvent[]): Change[] {
  const changes: Change[] = [];
  for (const event of events) {
    const last = changes[changes.length - 1];
    if (last && last.commandId === event.metadata.commandId && last.toVersion === event.version - 1) {
      last.toVersion = event.version;
      last.events.push(event);
      continue;
    }
    const { commandId, actor, recordedAt, correlationId } = event.metadata;
    changes.push({ commandId, fromVersion: event.version, toVersion: event.version, actor, recordedAt, ...kindOf(correlationId), events: [event] });
  }
  return changes;
}
