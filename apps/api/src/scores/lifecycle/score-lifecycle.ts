import { ConflictError } from '@bandpro/domain';
import type { EventStore } from '@bandpro/events';

/**
 * Trash and restore are not score events (the domain has none), so the API keeps them in a
 * small stream of its own per score. The two events strictly alternate, which makes "trashed"
 * readable from the stream's version alone: odd means trashed.
 */
export type ScoreLifecycleEvent = { type: 'ScoreTrashed'; data: { scoreId: string } } | { type: 'ScoreRestored'; data: { scoreId: string } };

export type LifecycleCommand = { type: 'TrashScore'; scoreId: string } | { type: 'RestoreScore'; scoreId: string };

export const lifecycleStreamId = (scoreId: string): string => `score-lifecycle-${scoreId}`;

export const isTrashedAt = (lifecycleVersion: number): boolean => lifecycleVersion % 2 === 1;

/** Edits to a trashed score are refused until it is restored. */
export async function refuseTrashed(store: Pick<EventStore, 'streamVersion'>, scoreId: string): Promise<void> {
  if (isTrashedAt(await store.streamVersion(lifecycleStreamId(scoreId)))) {
    throw new ConflictError('SCORE_IN_TRASH', 'The score is in the trash: restore it first', { scoreId });
  }
}

export function decideLifecycle(command: LifecycleCommand, trashed: boolean): ScoreLifecycleEvent[] {
  switch (command.type) {
    case 'TrashScore':
      if (trashed) throw new ConflictError('SCORE_ALREADY_TRASHED', 'The score is already in the trash', { scoreId: command.scoreId });
      return [{ type: 'ScoreTrashed', data: { scoreId: command.scoreId } }];
    case 'RestoreScore':
      if (!trashed) throw new ConflictError('SCORE_NOT_TRASHED', 'The score is not in the trash', { scoreId: command.scoreId });
      return [{ type: 'ScoreRestored', data: { scoreId: command.scoreId } }];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown lifecycle command ${JSON.stringify(unknown)}`);
    }
  }
}
