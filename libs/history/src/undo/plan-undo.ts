import { evolve, invertAll, isDomainError, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import type { Change, HistoryEvent } from '../change';
import { NothingToRedo, NothingToUndo, RedoConflict, UndoConflict, type ReversalConflictDetails } from './undo.errors';
import { elementIdsOf, placesOf } from './element-ids';
import { sameState } from './same-state';
import { undoStackOf } from './undo-stack';

export interface ReversalPlan {
  /** The change being reversed: append `events` with correlationId `undo:` (or `redo:`) + its commandId. */
  target: Change;
  events: ScoreEvent[];
}

/** A score stream holds only score events; HistoryEvent widens the type so history needs no event store. */
export function scoreEventsOf(events: readonly HistoryEvent[]): ScoreEvent[] {
  return events as unknown as ScoreEvent[];
}

const asScoreEvent = (event: HistoryEvent): ScoreEvent => event as unknown as ScoreEvent;

/** Why the inverse does not fit the current state, or null when it does. */
function misfit(current: ScoreState, original: readonly ScoreEvent[], inverse: readonly ScoreEvent[]): string | null {
  let state = current;
  try {
    for (const event of inverse) state = evolve(state, event);
    for (const event of original) state = evolve(state, event);
  } catch (error) {
    if (isDomainError(error)) return error.message;
    throw error;
  }
  // Re-doing what the inverse undid must land exactly where we are; otherwise it overwrote a later edit.
  return sameState(state, current) ? null : 'a value it would restore was changed since';
}

type Culprit = Pick<ReversalConflictDetails, 'elementId' | 'commandId' | 'version' | 'actor'>;

const NO_CULPRIT: Culprit = { elementId: null, commandId: null, version: null, actor: null };

function firstShared(change: Change, wanted: ReadonlySet<string>, idsOf: (e: ScoreEvent) => Set<string>): Culprit | null {
  for (const event of change.events) {
    for (const id of idsOf(asScoreEvent(event))) {
      if (wanted.has(id)) return { elementId: id, commandId: change.commandId, version: event.version, actor: change.actor };
    }
  }
  return null;
}

const idsAndPlacesOf = (e: ScoreEvent): Set<string> => new Set([...elementIdsOf(e), ...placesOf(e)]);

/**
 * The earliest later change by someone else that touched the same elements (a deleted bar names every entry
 * in it); failing that, one that reached into the same measures or parts.
 */
function findCulprit(changes: readonly Change[], target: Change, userId: string): Culprit {
  const events = scoreEventsOf(target.events);
  const ids = new Set(events.flatMap((e) => [...elementIdsOf(e)]));
  const near = new Set(events.flatMap((e) => [...idsAndPlacesOf(e)]));
  const later = changes.filter((c) => c.fromVersion > target.toVersion && c.actor.id !== userId);
  for (const [wanted, idsOf] of [[ids, elementIdsOf], [near, idsAndPlacesOf]] as const) {
    for (const change of later) {
      const culprit = firstShared(change, wanted, idsOf);
      if (culprit) return culprit;
    }
  }
  return NO_CULPRIT;
}

function plan(
  changes: readonly Change[],
  userId: string,
  current: ScoreState,
  target: Change,
  Conflict: typeof UndoConflict,
): ReversalPlan {
  const original = scoreEventsOf(target.events);
  const events = invertAll(original);
  const reason = misfit(current, original, events);
  if (reason !== null) {
    throw new Conflict({ targetCommandId: target.commandId, reason, ...findCulprit(changes, target, userId) });
  }
  return { target, events };
}

/**
 * `stack`: the user's stacks when the caller keeps them (see pushToUndoStack); derived from `changes` otherwise.
 * The events that undo `userId`'s latest undoable change against the current state: its inverses, newest
 * first. Throws NOTHING_TO_UNDO, or UNDO_CONFLICT naming the later change by someone else it would clash with.
 */
export function planUndo(changes: readonly Change[], userId: string, current: ScoreState, stack = undoStackOf(changes, userId)): ReversalPlan {
  const { undoable } = stack;
  const target = undoable[undoable.length - 1];
  if (target === undefined) throw new NothingToUndo({ userId });
  return plan(changes, userId, current, target, UndoConflict);
}

/** The events that redo `userId`'s latest undo (the inverses of that undo). NOTHING_TO_REDO, REDO_CONFLICT. */
export function planRedo(changes: readonly Change[], userId: string, current: ScoreState, stack = undoStackOf(changes, userId)): ReversalPlan {
  const { redoable } = stack;
  const target = redoable[redoable.length - 1];
  if (target === undefined) throw new NothingToRedo({ userId });
  return plan(changes, userId, current, target, RedoConflict);
}
