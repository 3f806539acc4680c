import type { Change } from '../change';

export interface UndoStack {
  /** Oldest first: the last one is what an undo reverses. */
  undoable: Change[];
  /** Undo changes, oldest first: the last one is what a redo reverses. */
  redoable: Change[];
}

/* Removes by commandId rather than popping blindly, so a history with gaps (another device) stays coherent. */
function take(stack: Change[], commandId: string | undefined): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    if (stack[i].commandId === commandId) {
      stack.splice(i, 1);
      return true;
    }
  }
  return false;
}

/**
 * A user's undo and redo stacks, derived from the changes alone so they survive reloads and follow the user
 * across devices. Others' changes never touch them.
 */
export function undoStackOf(changes: readonly Change[], userId: string): UndoStack {
  const stack: UndoStack = { undoable: [], redoable: [] };
  for (const change of changes) if (change.actor.id === userId) pushToUndoStack(stack, change);
  return stack;
}

/** One step of `undoStackOf` for a change by the stack's owner, so a caller can keep the stacks as changes arrive. */
export function pushToUndoStack({ undoable, redoable }: UndoStack, change: Change): void {
  if (change.kind === 'edit') {
    undoable.push(change);
    redoable.length = 0;
  } else if (change.kind === 'undo') {
    if (take(undoable, change.target)) redoable.push(change);
  } else if (take(redoable, change.target)) {
    // Undoing a redo undoes the original edit again: the redo re-applied its events.
    undoable.push(change);
  }
}
