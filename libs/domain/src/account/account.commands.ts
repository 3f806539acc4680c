import type { Command } from '../score/commands/command';

export type ApiKeyScope = 'read' | 'write';
export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['read', 'write'];

/** The handler hashes the password (argon2id) before the command: the domain never sees a secret. */
export type RegisterAccount = Command<'RegisterAccount', { userId: string; email: string; displayName: string; passwordHash: string }>;
export type ChangePassword = Command<'ChangePassword', { passwordHash: string }>;
/** `keyHash` is a hash of the key's secret, which is shown to its owner once and never stored. */
export type CreateApiKey = Command<'CreateApiKey', { keyId: string; name: string; scope: ApiKeyScope; keyHash: string }>;
export type RevokeApiKey = Command<'RevokeApiKey', { keyId: string }>;
/** The last command of an account: its personal data was crypto-shredded, the account never works again. */
export type EraseAccount = Command<'EraseAccount', Record<string, never>>;

export type AccountCommand = RegisterAccount | ChangePassword | CreateApiKey | RevokeApiKey | EraseAccount;
