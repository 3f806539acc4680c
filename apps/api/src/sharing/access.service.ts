import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AccessCommand, AccessState, MemberRef, MemberRole } from '@bandpro/domain';
import type { Actor } from '@bandpro/events';
import { ApiError } from '../common/errors/api-error';
import { AccountStore } from '../identity/account.store';
import { newSecret, sha256 } from '../identity/secrets';
import { AccessStore } from './access.store';

export interface AccessView {
  ownerId: string;
  members: { userId: string; role: MemberRole }[];
  invitations: { email: string; role: MemberRole }[];
}

const view = (state: AccessState): AccessView => ({
  ownerId: state.ownerId,
  members: Object.entries(state.members).map(([userId, role]) => ({ userId, role })),
  invitations: Object.entries(state.invites).map(([email, role]) => ({ email, role })),
});

/** The access use cases: each is load, decide, append on the score's access stream. */
@Injectable()
export class AccessService {
  constructor(
    private readonly access: AccessStore,
    private readonly accounts: AccountStore,
  ) {}

  async list(scoreId: string): Promise<AccessView> {
    return view((await this.access.load(scoreId)).state);
  }

  invite(scoreId: string, actor: Actor, email: string, role: MemberRole): Promise<AccessView> {
    return this.run(scoreId, actor, 'InviteMember', { email, role });
  }

  changeRole(scoreId: string, actor: Actor, member: MemberRef, role: MemberRole): Promise<AccessView> {
    return this.run(scoreId, actor, 'ChangeMemberRole', { member, role });
  }

  remove(scoreId: string, actor: Actor, member: MemberRef): Promise<AccessView> {
    return this.run(scoreId, actor, 'RemoveMember', { member });
  }

  async transfer(scoreId: string, actor: Actor, userId: string): Promise<AccessView> {
    const account = await this.accounts.active(userId);
    if (account === null) throw new ApiError(404, 'MEMBER_NOT_FOUND', 'No such user', { userId });
    return this.run(scoreId, actor, 'TransferOwnership', { to: { userId, email: account.email } });
  }

  async listShareLinks(scoreId: string) {
    const { state } = await this.access.load(scoreId);
    return Object.values(state.shareLinks).map(({ tokenHash: _, ...link }) => link);
  }

  /** The token `<linkId>.<secret>` is returned once; only its hash is kept. */
  async createShareLink(scoreId: string, actor: Actor, expiresAt: string | null) {
    const linkId = randomUUID();
    const secret = newSecret();
    const normalised = expiresAt === null ? null : new Date(expiresAt).toISOString();
    await this.run(scoreId, actor, 'CreateShareLink', { linkId, tokenHash: sha256(secret), expiresAt: normalised });
    return { linkId, token: `${linkId}.${secret}`, expiresAt: normalised };
  }

  async revokeShareLink(scoreId: string, actor: Actor, linkId: string): Promise<void> {
    await this.run(scoreId, actor, 'RevokeShareLink', { linkId });
  }

  private async run<T extends AccessCommand['type']>(scoreId: string, actor: Actor, type: T, data: Extract<AccessCommand, { type: T }>['data']) {
    const command = { type, data, metadata: { actor: { id: actor.id, kind: actor.kind }, at: new Date().toISOString() } } as AccessCommand;
    return view(await this.access.execute(scoreId, command));
  }
}
