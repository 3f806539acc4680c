import { Inject, Injectable } from '@nestjs/common';
import { decideAccess, evolveAccess, initialAccessState, type AccessCommand, type AccessEvent, type AccessState } from '@bandpro/domain';
import type { EventStore } from '@bandpro/events';
import { ApiError } from '../common/errors/api-error';
import type { ScoreLoader } from '../infrastructure/score-loader';
import { EVENT_STORE, SCORE_LOADER } from '../infrastructure/tokens';
import { AccountStore, apiKeyReservationStream } from '../identity/account.store';
import { appendEvents, readEvents } from '../identity/stream-io';

export const accessStream = (scoreId: string) => `score-access-${scoreId}`;

export interface LoadedAccess {
  state: AccessState;
  version: number;
}

/**
 * The access list of a score: its first owner is the score's own ownerId (the ScoreCreated actor), then the
 * `score-access-<scoreId>` stream says who else may do what. Nothing else is stored.
 */
@Injectable()
export class AccessStore {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SCORE_LOADER) private readonly scores: ScoreLoader,
    private readonly accounts: AccountStore,
  ) {}

  async load(scoreId: string): Promise<LoadedAccess> {
    const [{ state: score }, { events, version }] = await Promise.all([
      this.scores.load(scoreId),
      readEvents<AccessEvent>(this.store, accessStream(scoreId)),
    ]);
    if (score.status !== 'active') throw new ApiError(404, 'SCORE_NOT_FOUND', 'No such score', { scoreId });
    const ownerId = await this.ownerUserId(scoreId, score.ownerId);
    return { state: events.reduce(evolveAccess, initialAccessState(ownerId)), version };
  }

  /** A score created with an API key names the key as its owner (the domain's actor id): the key's user owns it. */
  private async ownerUserId(scoreId: string, ownerId: string): Promise<string> {
    for await (const first of this.store.readStream(scoreId, { toVersion: 1 })) {
      const { actor } = first.metadata;
      if (actor.kind === 'api-key' && actor.id === ownerId) return (await this.accounts.ownerOf(apiKeyReservationStream(ownerId))) ?? ownerId;
    }
    return ownerId;
  }

  async execute(scoreId: string, command: AccessCommand): Promise<AccessState> {
    const { state, version } = await this.load(scoreId);
    const events = decideAccess(command, state);
    await appendEvents(this.store, accessStream(scoreId), events, version === 0 ? 'no_stream' : version, command.metadata.actor);
    return events.reduce(evolveAccess, state);
  }
}
