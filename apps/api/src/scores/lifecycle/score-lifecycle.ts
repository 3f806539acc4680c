import { ConflictError, NotFoundError } from '@bandpro/domain';
import type { EventStore } from '@bandpro/events';

/**
 * Trash and restore are not score events (the domain has none), so the API keeps them in a small
 * stream of its own per score; the projector's purge job ends it with ScorePurged (its
 * lifecycle-events.ts names the same stream and types). Trash and restore strictly alternate, so
 * an odd version means trashed; an even one means active, unless its last event is the purge.
 */
export type ScoreLifecycleEvent =
  | { type: 'ScoreTrashed'; data: { scoreId: string } }
  | { type: 'ScoreRestored'; data: { scoreId: string } }
  | { type: 'ScorePurged'; data: { scoreId: string; trashedAt: string } };

export type LifecycleCommand = { type: 'TrashScore'; scoreId: string } | { type: 'RestoreScore'; scoreId: string };

export type LifecycleState = 'active' | 'trashed' | 'purged';

export const lifecycleStreamId = (scoreId: string): string => `score-lifecycle-${scoreId}`;

export const isTrashedAt = (lifecycleVersion: number): boolean => lifecycleVersion % 2 === 1;

/** The score's life cycle and the stream version it was read at. Only a restored score costs a second read. */
export async function loadLifecycle(store: Pick<EventStore, 'streamVersion' | 'readStream'>, scoreId: string): Promise<{ state: LifecycleState; version: number }> {
  const streamId = lifecycleStreamId(scoreId);
  const version = await store.streamVersion(streamId);
  if (version === 0) return { state: 'active', version };
  if (isTrashedAt(version)) return { state: 'trashed', version };
  for await (const last of store.readStream(streamId, { fromVersion: version })) return { state: last.type === 'ScorePurged' ? 'purged' : 'active', version };
  return { state: 'active', version };
}

export const scoreNotFound = (scoreId: string) => new NotFoundError('SCORE_NOT_FOUND', 'There is no such score', { scoreId });

/** Edits to a trashed score are refused until it is restored; a purged score is gone. */
export async function refuseTrashed(store: Pick<EventStore, 'streamVersion' | 'readStream'>, scoreId: string): Promise<void> {
  const { state } = await loadLifecycle(store, scoreId);
  if (state === 'purged') throw scoreNotFound(scoreId);
  if (state === 'trashed') throw new ConflictError('SCORE_IN_TRASH', 'The score is in the trash: restore it first', { scoreId });
}

export function decideLifecycle(command: LifecycleCommand, state: LifecycleState): ScoreLifecycleEvent[] {
  switch (command.type) {
    case 'TrashScore':
      if (state === 'purged') throw scoreNotFound(command.scoreId);
      if (state === 'trashed') throw new ConflictError('SCORE_ALREADY_TRASHED', 'The score is already in the trash', { scoreId: command.scoreId });
      return [{ type: 'ScoreTrashed', data: { scoreId: command.scoreId } }];
    case 'RestoreScore':
      if (state === 'purged') throw new ConflictError('SCORE_PURGED', 'The score was purged from the trash: it cannot be restored', { scoreId: command.scoreId });
      if (state === 'active') throw new ConflictError('SCORE_NOT_TRASHED', 'The score is not in the trash', { scoreId: command.scoreId });
      return [{ type: 'ScoreRestored', data: { scoreId: command.scoreId } }];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown lifecycle command ${JSON.stringify(unknown)}`);
    }
  }
}
