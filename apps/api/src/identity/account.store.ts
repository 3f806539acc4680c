import { Inject, Injectable } from '@nestjs/common';
import {
  decideAccount,
  evolveAccount,
  initialAccountState,
  normaliseEmail,
  type AccountCommand,
  type AccountEvent,
  type AccountState,
  type ActiveAccount,
} from '@bandpro/domain';
import { WrongExpectedVersionError, type Actor, type EventStore } from '@bandpro/events';
import { ApiError } from '../common/errors/api-error';
import { EVENT_STORE } from '../infrastructure/tokens';
import { sha256 } from './secrets';
import { appendEvents, readEvents } from './stream-io';

export const accountStream = (userId: string) => `account-${userId}`;
export const emailReservationStream = (email: string) => `account-email-${sha256(normaliseEmail(email))}`;
export const apiKeyReservationStream = (keyId: string) => `api-key-${keyId}`;

/** Load, decide, append for the account aggregate, plus the two lookups that streams give by name. */
@Injectable()
export class AccountStore {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(userId: string): Promise<{ state: AccountState; version: number }> {
    const { events, version } = await readEvents<AccountEvent>(this.store, accountStream(userId));
    return { state: events.reduce(evolveAccount, initialAccountState()), version };
  }

  async active(userId: string): Promise<ActiveAccount | null> {
    const { state } = await this.load(userId);
    return state.status === 'active' ? state : null;
  }

  async execute(userId: string, command: AccountCommand): Promise<AccountEvent[]> {
    const { state, version } = await this.load(userId);
    const events = decideAccount(command, state);
    await appendEvents(this.store, accountStream(userId), events, version === 0 ? 'no_stream' : version, command.metadata.actor);
    return events;
  }

  /** Claims a name (an email, a key id) for a user: the first append to its stream wins, the others get 409. */
  async reserve(streamId: string, type: string, userId: string, actor: Actor, code: string): Promise<void> {
    try {
      await appendEvents(this.store, streamId, [{ type, data: { userId } }], 'no_stream', actor);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw new ApiError(409, code, 'That name is taken already');
      throw error;
    }
  }

  async ownerOf(streamId: string): Promise<string | null> {
    const { events } = await readEvents<{ data: { userId: string } }>(this.store, streamId);
    return events[0]?.data.userId ?? null;
  }

  async findByEmail(email: string): Promise<ActiveAccount | null> {
    const userId = await this.ownerOf(emailReservationStream(email));
    return userId === null ? null : this.active(userId);
  }
}
