import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { decideSession, evolveSession, initialSessionState, type SessionCommand, type SessionEvent, type SessionState } from '@bandpro/domain';
import { WrongExpectedVersionError, type EventStore } from '@bandpro/events';
import { ApiError } from '../common/errors/api-error';
import { EVENT_STORE } from '../infrastructure/tokens';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity.config';
import { newSecret, sha256 } from './secrets';
import { StreamFolds } from '../infrastructure/stream-folds';
import { appendEvents } from './stream-io';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface AccessTokenPayload {
  sub: string;
  sid: string;
}

const sessionStream = (familyId: string) => `session-${familyId}`;
const refreshRefused = (reason: string) => new ApiError(401, 'REFRESH_TOKEN_INVALID', `Refresh token refused: ${reason}`);

/** Refresh tokens are `<familyId>.<generation>.<secret>`; each family is one `session-<familyId>` stream. */
@Injectable()
export class SessionService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly jwt: JwtService,
    private readonly folds: StreamFolds,
  ) {}

  async start(userId: string, now: Date): Promise<TokenPair> {
    const familyId = randomUUID();
    const secret = newSecret();
    const expiresAt = new Date(now.getTime() + this.config.refreshTtlSeconds * 1000).toISOString();
    await this.run(familyId, userId, 0, { type: 'StartSession', data: { familyId, userId, expiresAt, tokenHash: sha256(secret) }, metadata: meta(userId, now) });
    return this.pair(userId, familyId, 0, secret);
  }

  async rotate(refreshToken: string, now: Date): Promise<TokenPair> {
    const token = parse(refreshToken);
    const { state, version } = await this.load(token.familyId);
    if (state.status === 'none') throw refreshRefused('no such session');
    const secret = newSecret();
    const command: SessionCommand = {
      type: 'RotateRefreshToken',
      data: { generation: token.generation, tokenHash: sha256(token.secret), nextTokenHash: sha256(secret) },
      metadata: meta(state.userId, now),
    };
    const events = await this.run(token.familyId, state.userId, version, command, state);
    if (events[0]?.type !== 'RefreshTokenRotated') throw refreshRefused('this token was used already, so the session was revoked');
    return this.pair(state.userId, token.familyId, events[0].data.generation, secret);
  }

  /** Returns the session's user, for the audit record. */
  async revoke(refreshToken: string, now: Date): Promise<string> {
    const token = parse(refreshToken);
    const { state, version } = await this.load(token.familyId);
    if (state.status === 'none' || state.tokenHashes[token.generation] !== sha256(token.secret)) throw refreshRefused('unknown token');
    await this.run(token.familyId, state.userId, version, { type: 'RevokeSession', data: { reason: 'logout' }, metadata: meta(state.userId, now) }, state);
    return state.userId;
  }

  /** The user an access token this service just signed was issued to. */
  userOf(accessToken: string): string {
    return this.jwt.decode<AccessTokenPayload>(accessToken).sub;
  }

  /** Ends a session whatever token it is at (an erased account's); a session already ended stays as it is. */
  async revokeFamily(familyId: string, now: Date): Promise<void> {
    const { state, version } = await this.load(familyId);
    if (state.status !== 'open') return;
    await this.run(familyId, state.userId, version, { type: 'RevokeSession', data: { reason: 'account-erased' }, metadata: meta(state.userId, now) }, state);
  }

  /** Access tokens die with their session: a logout or a detected reuse takes effect at once, not in 15 minutes. */
  async isOpen(familyId: string, now: Date): Promise<boolean> {
    const { state } = await this.load(familyId);
    return state.status === 'open' && state.expiresAt > now.toISOString();
  }

  /** Every authenticated request asks this: the fold is kept, so an unchanged session costs one version lookup. */
  private load(familyId: string): Promise<{ state: SessionState; version: number }> {
    return this.folds.load<SessionState, SessionEvent>(sessionStream(familyId), { initial: initialSessionState, evolve: evolveSession });
  }

  /** A lost race on the family (two refreshes with one token) means one of them reused it: refuse, never retry. */
  private async run(familyId: string, userId: string, version: number, command: SessionCommand, state = initialSessionState()): Promise<SessionEvent[]> {
    let events: SessionEvent[];
    try {
      events = decideSession(command, state);
    } catch (error) {
      throw refreshRefused(error instanceof Error ? error.message : 'refused');
    }
    try {
      await appendEvents(this.store, sessionStream(familyId), events, version === 0 ? 'no_stream' : version, { id: userId, kind: 'user' });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw refreshRefused('the token was used concurrently');
      throw error;
    }
    return events;
  }

  private async pair(userId: string, familyId: string, generation: number, secret: string): Promise<TokenPair> {
    const payload: AccessTokenPayload = { sub: userId, sid: familyId };
    const accessToken = await this.jwt.signAsync(payload);
    return { accessToken, refreshToken: `${familyId}.${generation}.${secret}`, tokenType: 'Bearer', expiresIn: this.config.accessTtlSeconds };
  }
}

function parse(refreshToken: string): { familyId: string; generation: number; secret: string } {
  const [familyId, generation, secret, ...rest] = refreshToken.split('.');
  const number = Number(generation);
  if (!familyId || !secret || rest.length > 0 || !Number.isSafeInteger(number) || number < 0) throw refreshRefused('malformed token');
  return { familyId, generation: number, secret };
}

const meta = (userId: string, now: Date) => ({ actor: { id: userId, kind: 'user' as const }, at: now.toISOString() });
