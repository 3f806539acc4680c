import { CommandMustBeKnown } from '../score/rules/rule-errors';
import { isValidEmail, normaliseEmail } from '../account/account.state';
import { EmailMustBeValid } from '../account/account.errors';
import {
  InviteeMustBeNew,
  MemberMustExist,
  OwnerRoleMustOnlyMoveByTransfer,
  RoleMustBeKnown,
  ShareLinkIdMustBeNew,
  ShareLinkMustBeActive,
} from './access.errors';
import { isMemberRole, memberRole } from './access.state';
import type { AccessCommand, AccessEvent, AccessState, MemberRef, MemberRole } from './access.types';

export function decideAccess(command: AccessCommand, state: AccessState): AccessEvent[] {
  const { at } = command.metadata;
  switch (command.type) {
    case 'InviteMember': {
      const email = checkedEmail(command.data.email);
      checkRole(command.data.role);
      if (state.invites[email] !== undefined) throw new InviteeMustBeNew({ email });
      return [{ type: 'MemberInvited', data: { email, role: command.data.role, at } }];
    }
    case 'ChangeMemberRole': {
      checkRole(command.data.role);
      const member = normalised(command.data.member, state);
      const from = existingRole(state, member);
      return from === command.data.role ? [] : [{ type: 'MemberRoleChanged', data: { member, from, to: command.data.role, at } }];
    }
    case 'RemoveMember': {
      const member = normalised(command.data.member, state);
      return [{ type: 'MemberRemoved', data: { member, role: existingRole(state, member), at } }];
    }
    case 'TransferOwnership': {
      const to = { userId: command.data.to.userId, email: normaliseEmail(command.data.to.email) };
      if (to.userId === state.ownerId) return [];
      const previousRole = state.members[to.userId] ?? state.invites[to.email];
      if (previousRole === undefined) throw new MemberMustExist({ member: to });
      return [{ type: 'OwnershipTransferred', data: { from: state.ownerId, to, previousRole, at } }];
    }
    case 'CreateShareLink':
      if (state.shareLinks[command.data.linkId] !== undefined) throw new ShareLinkIdMustBeNew({ linkId: command.data.linkId });
      return [{ type: 'ShareLinkCreated', data: { ...command.data, at } }];
    case 'RevokeShareLink': {
      const link = state.shareLinks[command.data.linkId];
      if (link === undefined || link.revokedAt !== null) throw new ShareLinkMustBeActive({ linkId: command.data.linkId });
      return [{ type: 'ShareLinkRevoked', data: { linkId: link.linkId, at } }];
    }
    default: {
      const unknown: never = command;
      throw new CommandMustBeKnown({ type: (unknown as { type: unknown }).type });
    }
  }
}

function checkedEmail(email: string): string {
  if (!isValidEmail(email)) throw new EmailMustBeValid({ email });
  return normaliseEmail(email);
}

function checkRole(role: unknown): void {
  if (role === 'owner') throw new OwnerRoleMustOnlyMoveByTransfer({});
  if (!isMemberRole(role)) throw new RoleMustBeKnown({ role });
}

function normalised(member: MemberRef, state: AccessState): MemberRef {
  if ('email' in member) return { email: normaliseEmail(member.email) };
  if (member.userId === state.ownerId) throw new OwnerRoleMustOnlyMoveByTransfer({});
  return { userId: member.userId };
}

function existingRole(state: AccessState, member: MemberRef): MemberRole {
  const role = memberRole(state, member);
  if (role === undefined) throw new MemberMustExist({ member });
  return role;
}
