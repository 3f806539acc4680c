import { Inject, Injectable } from '@nestjs/common';
import {
  decideAccount,
  evolveAccount,
  initialAccountState,
  type AccountCommand,
  type AccountEvent,
  type AccountState,
  type ActiveAccount,
} from '@bandpro/domain';
import { WrongExpectedVersionError, type Actor, type EventStore } from '@bandpro/events';
import { ApiError } from '../common/errors/api-error';
import { EVENT_STORE } from '../infrastructure/tokens';
import { EMAIL_RELEASED, type PersonalData } from '../gdpr/personal-data/personal-data';
import { PERSONAL_DATA } from '../gdpr/personal-data/sealing-event-store';
import { reservationStreamOfSubject } from '../gdpr/personal-data/email-pseudonym';
import { appendEvents, readEvents } from './stream-io';

export const accountStream = (userId: string) => `account-${userId}`;
export const apiKeyReservationStream = (keyId: string) => `api-key-${keyId}`;

/** Load, decide, append for the account aggregate, plus the two lookups that streams give by name. */
@Injectable()
export class AccountStore {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
  ) {}

  /** `account-email-<HMAC(email)>`: EmailReserved when an account takes the email, EmailReleased when it is erased. */
  emailStream(email: string): string {
    return this.personalData.emailStream(email);
  }

  /** The vault subject of an email outside any account (invitations, failed logins). */
  emailSubject(email: string): Promise<string> {
    return this.personalData.emailSubject(email);
  }

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

  /**
   * Claims a name (an email, a key id) for a user: the append expects the version it read, so of two racing
   * claims one wins and the other gets 409. A released name (an erased account's email) can be claimed again.
   */
  async reserve(streamId: string, type: string, userId: string, actor: Actor, code: string): Promise<void> {
    const { events, version } = await readEvents<Reservation>(this.store, streamId);
    const taken = () => new ApiError(409, code, 'That name is taken already');
    if (holder(events) !== null) throw taken();
    try {
      await appendEvents(this.store, streamId, [{ type, data: { userId } }], version === 0 ? 'no_stream' : version, actor);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw taken();
      throw error;
    }
  }

  /**
   * The subject the account's email was sealed under outside the account, kept in plain beside the sealed
   * email: an erasure needs it after the email itself became unreadable.
   */
  async emailSubjectOf(userId: string): Promise<string | null> {
    const { events } = await readEvents<{ type: string; data: { emailSubject?: unknown } }>(this.store, accountStream(userId));
    const subject = events.find((event) => event.type === 'AccountRegistered')?.data.emailSubject;
    return typeof subject === 'string' ? subject : null;
  }

  /** Frees an erased account's email; a no-op when that account no longer holds it (a re-run of an erasure). */
  async releaseEmail(emailSubject: string, userId: string, actor: Actor): Promise<void> {
    const streamId = reservationStreamOfSubject(emailSubject);
    const { events, version } = await readEvents<Reservation>(this.store, streamId);
    if (holder(events) !== userId) return;
    await appendEvents(this.store, streamId, [{ type: EMAIL_RELEASED, data: { userId } }], version, actor);
  }

  async ownerOf(streamId: string): Promise<string | null> {
    return holder((await readEvents<Reservation>(this.store, streamId)).events);
  }

  async findByEmail(email: string): Promise<ActiveAccount | null> {
    const userId = await this.ownerOf(this.emailStream(email));
    return userId === null ? null : this.active(userId);
  }
}

interface Reservation {
  type: string;
  data: { userId: string };
}

/** Who holds a reserved name: the user of its last event, unless that event released it. */
function holder(events: readonly Reservation[]): string | null {
  const last = events[events.length - 1];
  return last === undefined || last.type === EMAIL_RELEASED ? null : last.data.userId;
}
