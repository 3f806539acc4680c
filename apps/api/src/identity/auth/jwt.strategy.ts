import { Inject, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ApiError } from '../../common/errors/api-error';
import { IDENTITY_CONFIG, type IdentityConfig } from '../identity.config';
import { SessionService, type AccessTokenPayload } from '../session.service';
import type { RequestActor } from './authenticator';

/**
 * HS256 only: `alg: none` and any other algorithm are refused before the signature is even looked at.
 * The secret is handed over as a KeyObject made once: given a string, jsonwebtoken first tries (and fails) to
 * parse it as a public key on every verify, which cost a fifth of a cached read's CPU.
 */
/** jsonwebtoken takes a KeyObject; passport-jwt passes its key through untouched but types it as string | Buffer. */
function hmacKey(secret: string): Buffer {
  return createSecretKey(Buffer.from(secret, 'utf8')) as unknown as Buffer;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(IDENTITY_CONFIG) config: IdentityConfig,
    private readonly sessions: SessionService,
  ) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: hmacKey(config.jwtSecret), algorithms: ['HS256'], ignoreExpiration: false });
  }

  async validate(payload: AccessTokenPayload): Promise<RequestActor> {
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new ApiError(401, 'TOKEN_INVALID', 'The access token names no session');
    if (!(await this.sessions.isOpen(payload.sid, new Date()))) throw new ApiError(401, 'SESSION_REVOKED', 'The session of this access token has ended');
    return { id: payload.sub, kind: 'user', userId: payload.sub };
  }
}

@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error instanceof ApiError) throw error;
    if (error || !user) {
      const expired = info instanceof Error && info.name === 'TokenExpiredError';
      throw new ApiError(401, expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID', expired ? 'The access token expired' : 'The access token is not valid');
    }
    return user;
  }
}
