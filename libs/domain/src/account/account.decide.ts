import type { AccountCommand, ChangePassword, CreateApiKey, RegisterAccount, RevokeApiKey } from './account.commands';
import { API_KEY_SCOPES } from './account.commands';
import {
  AccountMustExist,
  AccountMustNotExist,
  ApiKeyIdMustBeNew,
  ApiKeyMustBeActive,
  ApiKeyScopeMustBeKnown,
  DisplayNameMustBeGiven,
  EmailMustBeValid,
} from './account.errors';
import type { AccountEvent } from './account.events';
import { isValidEmail, normaliseEmail, type AccountState, type ActiveAccount } from './account.state';
import { CommandMustBeKnown } from '../score/rules/rule-errors';

export function decideAccount(command: AccountCommand, state: AccountState): AccountEvent[] {
  if (command.type === 'RegisterAccount') return register(command, state);
  if (state.status !== 'active') throw new AccountMustExist({});
  switch (command.type) {
    case 'ChangePassword':
      return changePassword(command);
    case 'CreateApiKey':
      return createApiKey(command, state);
    case 'RevokeApiKey':
      return revokeApiKey(command, state);
    case 'EraseAccount':
      return [{ type: 'AccountErased', data: { at: command.metadata.at } }];
    default: {
      const unknown: never = command;
      throw new CommandMustBeKnown({ type: (unknown as { type: unknown }).type });
    }
  }
}

function register({ data, metadata }: RegisterAccount, state: AccountState): AccountEvent[] {
  if (state.status !== 'none') throw new AccountMustNotExist({ userId: state.userId });
  if (!isValidEmail(data.email)) throw new EmailMustBeValid({ email: data.email });
  const displayName = data.displayName.trim();
  if (displayName.length === 0 || displayName.length > 100) throw new DisplayNameMustBeGiven({});
  const email = normaliseEmail(data.email);
  return [{ type: 'AccountRegistered', data: { userId: data.userId, email, displayName, passwordHash: data.passwordHash, at: metadata.at } }];
}

function changePassword({ data, metadata }: ChangePassword): AccountEvent[] {
  return [{ type: 'PasswordChanged', data: { passwordHash: data.passwordHash, at: metadata.at } }];
}

function createApiKey({ data, metadata }: CreateApiKey, state: ActiveAccount): AccountEvent[] {
  if (!API_KEY_SCOPES.includes(data.scope)) throw new ApiKeyScopeMustBeKnown({ scope: data.scope });
  if (state.apiKeys[data.keyId] !== undefined) throw new ApiKeyIdMustBeNew({ keyId: data.keyId });
  const name = data.name.trim() || data.keyId;
  return [{ type: 'ApiKeyCreated', data: { keyId: data.keyId, name, scope: data.scope, keyHash: data.keyHash, at: metadata.at } }];
}

function revokeApiKey({ data, metadata }: RevokeApiKey, state: ActiveAccount): AccountEvent[] {
  const key = state.apiKeys[data.keyId];
  if (key === undefined || key.revokedAt !== null) throw new ApiKeyMustBeActive({ keyId: data.keyId });
  return [{ type: 'ApiKeyRevoked', data: { keyId: key.keyId, name: key.name, at: metadata.at } }];
}
