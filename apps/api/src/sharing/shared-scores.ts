import { Inject, Injectable } from '@nestjs/common';
import { normaliseEmail, roleOf, type AccessEvent, type AccessRole } from '@bandpro/domain';
import type { EventStore, StoredEvent } from '@bandpro/events';
import { ApiError } from '../common/errors/api-error';
import { AccountStore } from '../identity/account.store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { AccessStore } from './access.store';

const ACCESS_PREFIX = 'score-access-';
const PAGE = 1000;

/** Who an access event names: a user id, or an email invited before that person registered. */
function peopleNamed(event: AccessEvent): string[] {
  switch (event.type) {
    case 'MemberInvited':
      return [`email:${normaliseEmail(event.data.email)}`];
    case 'MemberRoleChanged':
    case 'MemberRemoved':
      return ['userId' in event.data.member ? `user:${event.data.member.userId}` : `email:${normaliseEmail(event.data.member.email)}`];
    case 'OwnershipTransferred':
      return [`user:${event.data.to.userId}`];
    case 'ShareLinkCreated':
    case 'ShareLinkRevoked':
      return [];
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** A score deleted since it was shared is simply not listed; any other failure is the caller's to see. */
function goneIsNone(error: unknown): null {
  if (error instanceof ApiError && error.status === 404) return null;
  throw error;
}

/**
 * "Shared with me": the scores on which a user holds a role without having created them. No projection keeps
 * this yet, so each process keeps its own index of the access streams, caught up from the global feed on use.
 * The index only ever grows (it names candidates); each candidate's access list is then loaded and asked, so a
 * removal or a changed role counts at once. The first call after start reads the whole feed once: fine for one
 * box; a `score-members` projection in the projector is the step beyond that.
 */
@Injectable()
export class SharedScores {
  private position = 0;
  private readonly scoresByPerson = new Map<string, Set<string>>();
  private catchingUp: Promise<void> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AccessStore,
    private readonly accounts: AccountStore,
  ) {}

  /** Score id → the user's role, for every active score someone shared with them (owners of their own excluded). */
  async rolesFor(userId: string): Promise<Map<string, AccessRole>> {
    const [account] = await Promise.all([this.accounts.active(userId), this.catchUp()]);
    const email = account?.email ?? '';
    const candidates = new Set([...(this.scoresByPerson.get(`user:${userId}`) ?? []), ...(email ? (this.scoresByPerson.get(`email:${normaliseEmail(email)}`) ?? []) : [])]);
    const roles = new Map<string, AccessRole>();
    await Promise.all(
      [...candidates].map(async (scoreId) => {
        const role = await this.access.load(scoreId).then(({ state }) => roleOf(state, { userId, email: normaliseEmail(email) }), goneIsNone);
        if (role !== null) roles.set(scoreId, role);
      }),
    );
    return roles;
  }

  /** One catch-up at a time; callers that arrive meanwhile wait for it rather than read the same pages. */
  private catchUp(): Promise<void> {
    this.catchingUp ??= this.readNewEvents().finally(() => (this.catchingUp = null));
    return this.catchingUp;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ afterPosition: this.position, limit: PAGE });
      for (const event of page) this.index(event);
      if (page.length > 0) this.position = page[page.length - 1].position;
      if (page.length < PAGE) return;
    }
  }

  private index(event: StoredEvent): void {
    if (!event.streamId.startsWith(ACCESS_PREFIX)) return;
    const scoreId = event.streamId.slice(ACCESS_PREFIX.length);
    for (const person of peopleNamed(event as unknown as AccessEvent)) {
      const scores = this.scoresByPerson.get(person) ?? new Set<string>();
      scores.add(scoreId);
      this.scoresByPerson.set(person, scores);
    }
  }
}
