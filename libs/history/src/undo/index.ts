export { pushToUndoStack, undoStackOf, type UndoStack } from './undo-stack';
export { planUndo, planRedo, type ReversalPlan } from './plan-undo';
export { elementIdsOf } from './element-ids';
export { sameState } from './same-state';
export { NothingToUndo, NothingToRedo, UndoConflict, RedoConflict, type ReversalConflictDetails } from './undo.errors';
