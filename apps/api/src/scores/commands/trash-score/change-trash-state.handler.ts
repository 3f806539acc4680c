import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@bandpro/domain';
import type { EventStore } from '@bandpro/events';
import { EVENT_STORE } from '../../../infrastructure/tokens';
import { decideLifecycle, isTrashedAt, lifecycleStreamId, loadLifecycle } from '../../lifecycle/score-lifecycle';
import { ChangeTrashState } from './change-trash-state.command';

export interface TrashState {
  scoreId: string;
  trashed: boolean;
}

/** Load (the lifecycle stream's version, and its last event once restored), decide, append. */
@CommandHandler(ChangeTrashState)
export class ChangeTrashStateHandler implements ICommandHandler<ChangeTrashState, TrashState> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, actor, commandId }: ChangeTrashState): Promise<TrashState> {
    const { scoreId } = command;
    if ((await this.store.streamVersion(scoreId)) === 0) throw new NotFoundError('SCORE_NOT_FOUND', 'There is no such score', { scoreId });
    const streamId = lifecycleStreamId(scoreId);
    const { state, version } = await loadLifecycle(this.store, scoreId);
    if (await this.isRetry(streamId, version, commandId)) return { scoreId, trashed: isTrashedAt(version) };
    const events = decideLifecycle(command, state);
    const result = await this.store.append(streamId, events, { expectedVersion: version === 0 ? 'no_stream' : version, commandId, actor });
    return { scoreId, trashed: isTrashedAt(result.nextExpectedVersion) };
  }

  /** A retry of the last change (same Idempotency-Key) gets its result, not "already trashed". */
  private async isRetry(streamId: string, version: number, commandId: string): Promise<boolean> {
    if (version === 0) return false;
    for await (const last of this.store.readStream(streamId, { fromVersion: version })) return last.metadata.commandId === commandId;
    return false;
  }
}
