import { ConflictError, defineError } from '@bandpro/domain';

export interface NothingToReverseDetails {
  userId: string;
  [key: string]: unknown;
}

/** The later change by someone else that an undo or redo would clash with (null when none could be named). */
export interface ReversalConflictDetails {
  /** The change the undo (or redo) would reverse. */
  targetCommandId: string;
  elementId: string | null;
  commandId: string | null;
  version: number | null;
  actor: { id: string; kind: string } | null;
  /** The evolve error that refused the inverse, if one did. */
  reason: string;
  [key: string]: unknown;
}

export const NothingToUndo = defineError('NothingToUndo', ConflictError, 'NOTHING_TO_UNDO', (d: NothingToReverseDetails) => `${d.userId} has nothing to undo`);

export const NothingToRedo = defineError('NothingToRedo', ConflictError, 'NOTHING_TO_REDO', (d: NothingToReverseDetails) => `${d.userId} has nothing to redo`);

function clash(verb: string) {
  return (d: ReversalConflictDetails) =>
    d.commandId === null
      ? `Cannot ${verb} ${d.targetCommandId}: the score changed since (${d.reason})`
      : `Cannot ${verb} ${d.targetCommandId}: ${d.actor?.id} changed ${d.elementId} since (change ${d.commandId}, version ${d.version})`;
}

export const UndoConflict = defineError('UndoConflict', ConflictError, 'UNDO_CONFLICT', clash('undo'));

export const RedoConflict = defineError('RedoConflict', ConflictError, 'REDO_CONFLICT', clash('redo'));
