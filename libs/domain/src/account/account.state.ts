import type { ApiKeyScope } from './account.commands';

export interface ApiKey {
  keyId: string;
  name: string;
  scope: ApiKeyScope;
  keyHash: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface ActiveAccount {
  status: 'active';
  userId: string;
  email: string;
  displayName: string;
  passwordHash: string;
  registeredAt: string;
  apiKeys: Readonly<Record<string, ApiKey>>;
}

export type AccountState = { status: 'none' } | ActiveAccount | { status: 'erased'; userId: string; erasedAt: string };

export const initialAccountState = (): AccountState => ({ status: 'none' });

/** Emails are compared case-insensitively and without surrounding blanks, everywhere. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isValidEmail(email: unknown): email is string {
  return typeof email === 'string' && email.length <= 254 && EMAIL.test(normaliseEmail(email));
}
