import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@bandpro/domain';
import { WrongExpectedVersionError, type Actor, type EventStore, type StoredEvent } from '@bandpro/events';
import { decideTags, evolveTags, listTags, tagsStreamId, type TagCommand, type TagEvent, type TagsState, type VersionTag } from '@bandpro/history';
import { EVENT_STORE } from '../../infrastructure/tokens';

/** Load, decide, append for a score's named versions (their own stream, beside the score's). */
@Injectable()
export class VersionTagsService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async list(scoreId: string): Promise<VersionTag[]> {
    await this.requireScore(scoreId);
    return listTags((await this.load(scoreId)).state);
  }

  async execute(scoreId: string, command: TagCommand, actor: Actor, commandId: string): Promise<VersionTag | undefined> {
    try {
      return await this.attempt(scoreId, command, actor, commandId);
    } catch (error) {
      // Someone tagged at the same moment: decide again on their result, once.
      if (error instanceof WrongExpectedVersionError) return this.attempt(scoreId, command, actor, commandId);
      throw error;
    }
  }

  private async attempt(scoreId: string, command: TagCommand, actor: Actor, commandId: string): Promise<VersionTag | undefined> {
    await this.requireScore(scoreId);
    const { state, version } = await this.load(scoreId);
    const events = decideTags(command, state);
    if (events.length > 0) {
      const result = await this.store.append(tagsStreamId(scoreId), events, { expectedVersion: version === 0 ? 'no_stream' : version, commandId, actor });
      const after = result.events.reduce(apply, state);
      return after.get(tagIdOf(command));
    }
    return state.get(tagIdOf(command));
  }

  private async load(scoreId: string): Promise<{ state: TagsState; version: number }> {
    let state: TagsState = new Map();
    let version = 0;
    for await (const event of this.store.readStream(tagsStreamId(scoreId))) {
      state = apply(state, event);
      version = event.version;
    }
    return { state, version };
  }

  private async requireScore(scoreId: string): Promise<number> {
    const head = await this.store.streamVersion(scoreId);
    if (head === 0) throw new NotFoundError('SCORE_NOT_FOUND', 'There is no such score', { scoreId });
    return head;
  }

  headVersion(scoreId: string): Promise<number> {
    return this.requireScore(scoreId);
  }
}

function apply(state: TagsState, event: StoredEvent): TagsState {
  return evolveTags(state, event as unknown as TagEvent, { actorId: event.metadata.actor.id, at: event.metadata.recordedAt });
}

function tagIdOf(command: TagCommand): string {
  return command.data.tagId;
}
