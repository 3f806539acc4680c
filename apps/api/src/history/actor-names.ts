import { Inject, Injectable } from '@nestjs/common';
import type { HistoryActor } from '@bandpro/history';
import type { PersonalData } from '../gdpr/personal-data/personal-data';
import { PERSONAL_DATA } from '../gdpr/personal-data/sealing-event-store';
import { AccountStore } from '../identity/account.store';

/**
 * Display names for history lines, looked up once per user per process (names rarely change; a stale one is
 * harmless). An erased person's name is dropped at once (contract G9): their lines then read "Someone".
 */
@Injectable()
export class ActorNames {
  private readonly names = new Map<string, Promise<string>>();

  constructor(
    private readonly accounts: AccountStore,
    @Inject(PERSONAL_DATA) personalData: PersonalData,
  ) {
    personalData.onErased((subject) => this.names.delete(`user:${subject}`));
  }

  nameOf(actor: HistoryActor): Promise<string> {
    if (actor.kind === 'system') return Promise.resolve('BandPro');
    const key = `${actor.kind}:${actor.id}`;
    let name = this.names.get(key);
    if (!name) {
      name = this.lookUp(actor);
      this.names.set(key, name);
    }
    return name;
  }

  private async lookUp(actor: HistoryActor): Promise<string> {
    if (actor.kind === 'api-key') return `API key ${actor.id.slice(0, 8)}`;
    const account = await this.accounts.active(actor.id).catch(() => null);
    // An erased or unknown account keeps its place in history without a name.
    return account?.displayName ?? 'Someone';
  }
}
