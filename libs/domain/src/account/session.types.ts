import type { Command } from '../score/commands/command';
import type { DomainEvent } from '../score/events/event';

/*
 * A session is one refresh-token family (stream `session-<familyId>`). Each refresh rotates the token to the
 * next generation; presenting an older generation means a token was copied, so the whole family is revoked.
 * Token secrets arrive hashed: the domain compares hashes, it never sees a secret.
 */

export type StartSession = Command<'StartSession', { familyId: string; userId: string; expiresAt: string; tokenHash: string }>;
export type RotateRefreshToken = Command<'RotateRefreshToken', { generation: number; tokenHash: string; nextTokenHash: string }>;
export type RevokeSession = Command<'RevokeSession', { reason: SessionRevocationReason }>;
export type SessionCommand = StartSession | RotateRefreshToken | RevokeSession;

export type SessionRevocationReason = 'logout' | 'refresh-token-reuse' | 'account-erased';

export type SessionStarted = DomainEvent<'SessionStarted', { familyId: string; userId: string; expiresAt: string; tokenHash: string; at: string }>;
export type RefreshTokenRotated = DomainEvent<'RefreshTokenRotated', { generation: number; tokenHash: string; at: string }>;
export type SessionRevoked = DomainEvent<'SessionRevoked', { reason: SessionRevocationReason; at: string }>;
export type SessionEvent = SessionStarted | RefreshTokenRotated | SessionRevoked;

export interface OpenSession {
  status: 'open' | 'revoked';
  familyId: string;
  userId: string;
  expiresAt: string;
  generation: number;
  /** The token hash of every generation, so only a holder of a real (older) token can trigger reuse revocation. */
  tokenHashes: readonly string[];
  revokedReason: SessionRevocationReason | null;
}

export type SessionState = { status: 'none' } | OpenSession;
