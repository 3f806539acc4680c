import type { DomainEvent } from '../score/events/event';
import type { ApiKeyScope } from './account.commands';

export type AccountRegistered = DomainEvent<'AccountRegistered',
  { userId: string; email: string; displayName: string; passwordHash: string; at: string }>;
// No `from` hash: a password change is never undone, and an old hash is a secret worth not repeating.
export type PasswordChanged = DomainEvent<'PasswordChanged', { passwordHash: string; at: string }>;
export type ApiKeyCreated = DomainEvent<'ApiKeyCreated', { keyId: string; name: string; scope: ApiKeyScope; keyHash: string; at: string }>;
export type ApiKeyRevoked = DomainEvent<'ApiKeyRevoked', { keyId: string; name: string; at: string }>;

export type AccountErased = DomainEvent<'AccountErased', { at: string }>;

export type AccountEvent = AccountRegistered | PasswordChanged | ApiKeyCreated | ApiKeyRevoked | AccountErased;
