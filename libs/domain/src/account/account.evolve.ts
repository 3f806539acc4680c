import { EventDoesNotApply } from '../errors/event-does-not-apply';
import type { AccountEvent } from './account.events';
import type { AccountState, ActiveAccount } from './account.state';

export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  if (event.type === 'AccountRegistered') {
    const { at, ...account } = event.data;
    return { status: 'active', ...account, registeredAt: at, apiKeys: {} };
  }
  const account = active(state, event.type);
  switch (event.type) {
    case 'PasswordChanged':
      return { ...account, passwordHash: event.data.passwordHash };
    case 'ApiKeyCreated': {
      const { at, ...key } = event.data;
      return { ...account, apiKeys: { ...account.apiKeys, [key.keyId]: { ...key, createdAt: at, revokedAt: null } } };
    }
    case 'ApiKeyRevoked': {
      const key = account.apiKeys[event.data.keyId];
      if (key === undefined) throw new EventDoesNotApply(event.type, 'no such API key', { keyId: event.data.keyId });
      return { ...account, apiKeys: { ...account.apiKeys, [key.keyId]: { ...key, revokedAt: event.data.at } } };
    }
    case 'AccountErased':
      return { status: 'erased', userId: account.userId, erasedAt: event.data.at };
    default: {
      const unknown: never = event;
      throw new EventDoesNotApply((unknown as { type: string }).type, 'unknown event type');
    }
  }
}

function active(state: AccountState, eventType: string): ActiveAccount {
  if (state.status !== 'active') throw new EventDoesNotApply(eventType, 'the account is not registered');
  return state;
}

export function replayAccount(events: readonly AccountEvent[], from: AccountState = { status: 'none' }): AccountState {
  return events.reduce(evolveAccount, from);
}
