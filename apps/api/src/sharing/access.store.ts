import { Inject, Injectable } from '@nestjs/common';
import { decideAccess, evolveAccess, initialAccessState, type AccessCommand, type AccessEvent, type AccessState } from '@bandpro/domain';
import type { EventStore } from '@bandpro/events';
import { ApiError } from '../common/errors/api-error';
import type { ScoreLoader } from '../infrastructure/score-loader';
import { StreamFolds } from '../infrastructure/stream-folds';
import { EVENT_STORE, SCORE_LOADER } from '../infrastructure/tokens';
import { AccountStore, apiKeyReservationStream } from '../identity/account.store';
import { loadLifecycle } from '../scores/lifecycle/score-lifecycle';
import { appendEvents } from '../identity/stream-io';

export const accessStream = (scoreId: string) => `score-access-${scoreId}`;

export interface LoadedAccess {
  state: AccessState;
  version: number;
}

/** How many scores keep their owning user in memory. */
const MAX_KNOWN_OWNERS = 20_000;

/**
 * The access list of a score: its first owner is the score's own ownerId (the ScoreCreated actor), then the
 * `score-access-<scoreId>` stream says who else may do what. Nothing else is stored. Every request with a
 * score in its path asks this, so the owning user is remembered per score (it never changes) and the access
 * stream's fold is kept by StreamFolds: an unchanged score costs two version lookups.
 */
@Injectable()
export class AccessStore {
  private readonly owners = new Map<string, string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SCORE_LOADER) private readonly scores: ScoreLoader,
    private readonly folds: StreamFolds,
    private readonly accounts: AccountStore,
  ) {}

  async load(scoreId: string): Promise<LoadedAccess> {
    const purged = (await loadLifecycle(this.store, scoreId)).state === 'purged';
    const ownerId = await this.ownerUserId(scoreId, purged ? await this.firstOwnerId(scoreId) : await this.currentOwnerId(scoreId));
    const { state, version } = await this.folds.load<AccessState, AccessEvent>(accessStream(scoreId), {
      initial: () => initialAccessState(ownerId),
      evolve: evolveAccess,
    }, `${accessStream(scoreId)}:${ownerId}`);
    return { state, version };
  }

  /** The loader keeps the score's newest state, so this reads only the events since the last request. */
  private async currentOwnerId(scoreId: string): Promise<string> {
    const { state: score } = await this.scores.load(scoreId);
    if (score.status !== 'active') throw new ApiError(404, 'SCORE_NOT_FOUND', 'No such score', { scoreId });
    return score.ownerId;
  }

  /**
   * A purged score is never loaded (loading could write its snapshots again): its owner comes from its first
   * event, so the routes themselves answer (404 SCORE_NOT_FOUND, or 409 SCORE_PURGED for a restore).
   */
  private async firstOwnerId(scoreId: string): Promise<string> {
    for await (const first of this.store.readStream(scoreId, { toVersion: 1 })) return (first.data as { ownerId: string }).ownerId;
    throw new ApiError(404, 'SCORE_NOT_FOUND', 'No such score', { scoreId });
  }

  /**
   * A score created with an API key names the key as its owner (the domain's actor id): the key's user owns it.
   * Which it is never changes for a score's creation, so it is looked up once.
   */
  private async ownerUserId(scoreId: string, ownerId: string): Promise<string> {
    const key = `${scoreId}:${ownerId}`;
    const known = this.owners.get(key);
    if (known !== undefined) return known;
    let owner = ownerId;
    for await (const first of this.store.readStream(scoreId, { toVersion: 1 })) {
      const { actor } = first.metadata;
      if (actor.kind === 'api-key' && actor.id === ownerId) owner = (await this.accounts.ownerOf(apiKeyReservationStream(ownerId))) ?? ownerId;
    }
    if (this.owners.size >= MAX_KNOWN_OWNERS) this.owners.delete(this.owners.keys().next().value as string);
    this.owners.set(key, owner);
    return owner;
  }

  async execute(scoreId: string, command: AccessCommand): Promise<AccessState> {
    const { state, version } = await this.load(scoreId);
    const events = decideAccess(command, state);
    await appendEvents(this.store, accessStream(scoreId), events, version === 0 ? 'no_stream' : version, command.metadata.actor);
    return events.reduce(evolveAccess, state);
  }
}
