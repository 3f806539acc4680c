import { Inject, Injectable } from '@nestjs/common';
import { findSealedSubjects, type EventStore, type StoredEvent } from '@bandpro/events';
import { normaliseEmail, type MemberRef } from '@bandpro/domain';
import { ApiError } from '../common/errors/api-error';
import { EVENT_STORE } from '../infrastructure/tokens';
import { loadLifecycle } from '../scores/lifecycle/score-lifecycle';
import { SCORE_ID_PATTERN } from '../scores/score-id.params';
import { AccessStore } from '../sharing/access.store';
import { rawStoreOf } from './personal-data/sealing-event-store';

/** Where a person shows up in the log: the scores they edited or may own, and their sessions. */
export interface Footprint {
  /** Scores they created or were handed: whether they own them now, the access list says (`owned`). */
  ownershipCandidates: Set<string>;
  edited: Set<string>;
  sessions: Set<string>;
  /** Scores whose access list names them, by user id or (sealed) by their email's subject. */
  named: Set<string>;
}

const PAGE = 1_000;
const ACCESS_PREFIX = 'score-access-';

/**
 * Reads the whole log once to find a person's scores and sessions. Erasures and exports are rare, and an index
 * kept for them would be one more copy of who-did-what to keep right (the vault's snapshot purger does the same).
 * It reads the raw log: nothing here needs a sealed field, so nothing is decrypted.
 */
@Injectable()
export class MyFootprint {
  private readonly raw: EventStore;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly access: AccessStore,
  ) {
    this.raw = rawStoreOf(store);
  }

  async of(person: { userId: string; emailSubject: string }, apiKeyIds: readonly string[]): Promise<Footprint> {
    const actors = new Set([person.userId, ...apiKeyIds]);
    const footprint: Footprint = { ownershipCandidates: new Set(), edited: new Set(), sessions: new Set(), named: new Set() };
    for (let afterPosition = 0; ; ) {
      const page = await this.raw.readAll({ afterPosition, limit: PAGE });
      for (const event of page) note(footprint, event, person, actors);
      if (page.length < PAGE) return footprint;
      afterPosition = (page[page.length - 1] as StoredEvent).position;
    }
  }

  /** The access lists that name the person now (as a member by id, or an invitation of their email), with how. */
  async memberships(person: { userId: string; email: string }, footprint: Footprint, alsoIn: readonly string[] = []): Promise<{ scoreId: string; member: MemberRef }[]> {
    const found: { scoreId: string; member: MemberRef }[] = [];
    for (const scoreId of [...new Set([...footprint.named, ...alsoIn])].sort()) {
      const state = await this.access.load(scoreId).then((loaded) => loaded.state, notFoundIsNull);
      if (state === null || state.ownerId === person.userId) continue;
      if (state.members[person.userId] !== undefined) found.push({ scoreId, member: { userId: person.userId } });
      if (state.invites[normaliseEmail(person.email)] !== undefined) found.push({ scoreId, member: { email: normaliseEmail(person.email) } });
    }
    return found;
  }

  /** The scores the person owns now, trashed ones included; deleted (unknown) scores are skipped. */
  async owned(userId: string, footprint: Footprint): Promise<string[]> {
    const owned: string[] = [];
    for (const scoreId of [...footprint.ownershipCandidates].sort()) {
      // A purged score is gone from every view: nothing is left to transfer or delete.
      if ((await loadLifecycle(this.raw, scoreId)).state === 'purged') continue;
      const ownerId = await this.access.load(scoreId).then(({ state }) => state.ownerId, notFoundIsNull);
      if (ownerId === userId) owned.push(scoreId);
    }
    return owned;
  }
}

function note(footprint: Footprint, event: StoredEvent, { userId, emailSubject }: { userId: string; emailSubject: string }, actors: Set<string>): void {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'SessionStarted' && data['userId'] === userId) footprint.sessions.add(event.streamId.slice('session-'.length));
  if (event.streamId.startsWith(ACCESS_PREFIX)) {
    const scoreId = event.streamId.slice(ACCESS_PREFIX.length);
    if (event.type === 'OwnershipTransferred' && (data['to'] as { userId?: unknown } | undefined)?.userId === userId) footprint.ownershipCandidates.add(scoreId);
    if (JSON.stringify(data).includes(`"${userId}"`) || findSealedSubjects(data).has(emailSubject)) footprint.named.add(scoreId);
  }
  if (!SCORE_ID_PATTERN.test(event.streamId) || !actors.has(event.metadata.actor.id)) return;
  footprint.edited.add(event.streamId);
  if (event.type === 'ScoreCreated') footprint.ownershipCandidates.add(event.streamId);
}

function notFoundIsNull(error: unknown): null {
  if (error instanceof ApiError && error.status === 404) return null;
  throw error;
}
