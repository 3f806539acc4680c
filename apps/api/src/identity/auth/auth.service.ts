import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../common/errors/api-error';
import { AccountStore } from '../account.store';
import { PasswordHasher } from '../password-hasher';
import { SessionService, type TokenPair } from '../session.service';
import type { ChangePasswordDto, LoginDto, RegisterDto } from './auth.dto';

export interface Me {
  userId: string;
  email: string;
  displayName: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly sessions: SessionService,
    private readonly passwords: PasswordHasher,
  ) {}

  /** The email is reserved first, so of two registrations racing for it exactly one gets an account. */
  async register(dto: RegisterDto, now = new Date()): Promise<Me & TokenPair> {
    const userId = randomUUID();
    const actor = { id: userId, kind: 'user' as const };
    const passwordHash = await this.passwords.hash(dto.password);
    await this.accounts.reserve(this.accounts.emailStream(dto.email), 'EmailReserved', userId, actor, 'EMAIL_TAKEN');
    const [registered] = await this.accounts.execute(userId, {
      type: 'RegisterAccount',
      data: { userId, email: dto.email, displayName: dto.displayName, passwordHash },
      metadata: { actor, at: now.toISOString() },
    });
    const data = registered?.type === 'AccountRegistered' ? registered.data : { email: dto.email, displayName: dto.displayName };
    return { userId, email: data.email, displayName: data.displayName, ...(await this.sessions.start(userId, now)) };
  }

  /** The user id comes back beside the tokens for the audit log; the route sends only the tokens. */
  async login(dto: LoginDto, now = new Date()): Promise<{ userId: string; tokens: TokenPair }> {
    const account = await this.accounts.findByEmail(dto.email);
    const ok = await this.passwords.verify(account?.passwordHash ?? null, dto.password);
    if (!ok || account === null) throw new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong email or password');
    return { userId: account.userId, tokens: await this.sessions.start(account.userId, now) };
  }

  async changePassword(userId: string, dto: ChangePasswordDto, now = new Date()): Promise<void> {
    const account = await this.accounts.active(userId);
    if (account === null || !(await this.passwords.verify(account.passwordHash, dto.currentPassword))) {
      throw new ApiError(401, 'INVALID_CREDENTIALS', 'The current password is wrong');
    }
    const passwordHash = await this.passwords.hash(dto.newPassword);
    await this.accounts.execute(userId, { type: 'ChangePassword', data: { passwordHash }, metadata: { actor: { id: userId, kind: 'user' }, at: now.toISOString() } });
  }

  async me(userId: string): Promise<Me> {
    const account = await this.accounts.active(userId);
    if (account === null) throw new ApiError(401, 'UNAUTHENTICATED', 'The account no longer exists');
    return { userId, email: account.email, displayName: account.displayName };
  }
}
