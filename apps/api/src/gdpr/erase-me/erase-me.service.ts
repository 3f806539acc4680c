import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { decideAccess, isDomainError, type ActiveAccount } from '@bandpro/domain';
import { ErasureIncompleteError, type Actor, type EventStore } from '@bandpro/events';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../common/errors/api-error';
import { AccountStore } from '../../identity/account.store';
import { PasswordHasher } from '../../identity/password-hasher';
import { SessionService } from '../../identity/session.service';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { ChangeTrashState } from '../../scores/commands/trash-score/change-trash-state.command';
import { loadLifecycle } from '../../scores/lifecycle/score-lifecycle';
import { AccessService } from '../../sharing/access.service';
import { AccessStore } from '../../sharing/access.store';
import { MyFootprint } from '../my-footprint';
import type { PersonalData } from '../personal-data/personal-data';
import { PERSONAL_DATA } from '../personal-data/sealing-event-store';
import type { EraseMeDto, ScoreDecision } from './erase-me.dto';
import { parseDecisions, requireDecided } from './score-decisions';

export interface ErasureReport {
  userId: string;
  transferred: { scoreId: string; to: string }[];
  deleted: string[];
}

/**
 * Erase me (contract G9). Everything is checked before anything changes: the password, a decision for every
 * owned score, each transfer's new owner. Then, in this order:
 *   1. scores: transfers (the existing ownership transfer), deletes (to the trash, which the trash purge ends);
 *      then the person leaves every other access list naming them (their id, or an invitation of their email),
 *      which also moves those streams on, so every process's cached fold of them is read afresh;
 *   2. API keys and sessions revoked;
 *   3. the vault deletes the person's key and their email's key, and its listeners purge snapshots, read models
 *      and caches: from here on every copy of their data reads as erased;
 *   4. the email is released (it can be registered again), and last the account is marked erased.
 * Every step is idempotent, so a crash half way is mended by running the erasure again: until step 4 the
 * person can still sign in (the password hash is not sealed) and re-send it; already transferred or trashed
 * scores no longer need, or simply skip, their decision. A crash between releasing the email and marking the
 * account leaves an account nobody can reach by email, whose data is already unreadable.
 */
@Injectable()
export class EraseMeService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly access: AccessStore,
    private readonly accessService: AccessService,
    private readonly footprint: MyFootprint,
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
  ) {}

  async erase(actor: Actor & { userId: string }, dto: EraseMeDto, now = new Date()): Promise<ErasureReport> {
    if (actor.kind !== 'user') throw new ApiError(403, 'USER_SESSION_REQUIRED', 'An account is erased with a login session, not with an API key');
    const account = await this.accounts.active(actor.userId);
    if (account === null) throw new ApiError(401, 'UNAUTHENTICATED', 'The account no longer exists');
    if (!(await this.passwords.verify(account.passwordHash, dto.password))) throw new ApiError(401, 'INVALID_CREDENTIALS', 'The password is wrong');
    const decisions = parseDecisions(dto.scores);
    const emailSubject = (await this.accounts.emailSubjectOf(account.userId)) ?? (await this.accounts.emailSubject(account.email));
    const found = await this.footprint.of({ userId: account.userId, emailSubject }, Object.keys(account.apiKeys));
    const owned = await this.footprint.owned(account.userId, found);
    requireDecided(owned, decisions);
    for (const scoreId of owned) await this.checkDecision(scoreId, account.userId, decisions.get(scoreId) as ScoreDecision);

    const who: Actor = { id: account.userId, kind: 'user' };
    const report: ErasureReport = { userId: account.userId, transferred: [], deleted: [] };
    for (const scoreId of owned) await this.apply(scoreId, decisions.get(scoreId) as ScoreDecision, who, report);
    for (const { scoreId, member } of await this.footprint.memberships(account, found, owned)) await this.accessService.remove(scoreId, who, member);
    await this.revokeCredentials(account, [...found.sessions], now);
    await this.shred(account.userId);
    await this.shred(emailSubject);
    await this.accounts.releaseEmail(emailSubject, account.userId, who);
    await this.accounts.execute(account.userId, { type: 'EraseAccount', data: {}, metadata: { actor: who, at: now.toISOString() } });
    return report;
  }

  /** The key goes first, then the purges: a purge that failed leaves the data unreadable, and a re-run retries it. */
  private async shred(subject: string): Promise<void> {
    try {
      await this.personalData.vault.erase(subject);
    } catch (error) {
      if (!(error instanceof ErasureIncompleteError)) throw error;
      throw new ApiError(503, 'ERASURE_INCOMPLETE', 'Your data is unreadable already, but some copies could not be purged yet: send the erasure again', { failures: error.failures.length });
    }
  }

  /** The new owner must be another active account already holding a role on the score (as a transfer requires). */
  private async checkDecision(scoreId: string, userId: string, decision: ScoreDecision): Promise<void> {
    if (decision.action === 'delete') return;
    const refuse = (reason: string) => new ApiError(400, 'ERASE_TRANSFER_REFUSED', `Score ${scoreId} cannot go to ${decision.to}: ${reason}`, { scoreId, to: decision.to });
    if (decision.to === userId) throw refuse('that is you');
    const target = await this.accounts.active(decision.to);
    if (target === null) throw refuse('no such account');
    const { state } = await this.access.load(scoreId);
    try {
      decideAccess({ type: 'TransferOwnership', data: { to: { userId: target.userId, email: target.email } }, metadata: { actor: { id: userId, kind: 'user' }, at: new Date().toISOString() } }, state);
    } catch (error) {
      if (isDomainError(error)) throw refuse('they hold no role on the score: invite them first');
      throw error;
    }
  }

  private async apply(scoreId: string, decision: ScoreDecision, who: Actor, report: ErasureReport): Promise<void> {
    if (decision.action === 'transfer') {
      await this.accessService.transfer(scoreId, who, decision.to);
      report.transferred.push({ scoreId, to: decision.to });
      return;
    }
    if ((await loadLifecycle(this.store, scoreId)).state === 'active') {
      await this.commandBus.execute(new ChangeTrashState({ type: 'TrashScore', scoreId }, who, uuidv7()));
    }
    report.deleted.push(scoreId);
  }

  private async revokeCredentials(account: ActiveAccount, sessions: string[], now: Date): Promise<void> {
    const who: Actor = { id: account.userId, kind: 'user' };
    for (const key of Object.values(account.apiKeys)) {
      if (key.revokedAt === null) await this.accounts.execute(account.userId, { type: 'RevokeApiKey', data: { keyId: key.keyId }, metadata: { actor: who, at: now.toISOString() } });
    }
    for (const familyId of sessions) await this.sessions.revokeFamily(familyId, now);
  }
}
