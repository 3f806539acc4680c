import { defineError } from '../errors/define-error';
import { ConflictError, InvalidCommandError, NotFoundError, RuleViolationError } from '../errors/domain-error';

export const RoleMustBeKnown = defineError('RoleMustBeKnown', InvalidCommandError, 'ROLE_MUST_BE_KNOWN',
  (d: { role: unknown }) => `A member's role is viewer, commenter or editor, got ${JSON.stringify(d.role)}`);
export const InviteeMustBeNew = defineError('InviteeMustBeNew', ConflictError, 'MEMBER_ALREADY_INVITED',
  (d: { email: string }) => `${d.email} is invited already: change their role instead`);
export const MemberMustExist = defineError('MemberMustExist', NotFoundError, 'MEMBER_NOT_FOUND',
  (d: { member: unknown }) => `No such member: ${JSON.stringify(d.member)}`);
export const OwnerRoleMustOnlyMoveByTransfer = defineError('OwnerRoleMustOnlyMoveByTransfer', RuleViolationError,
  'OWNER_ROLE_MUST_ONLY_MOVE_BY_TRANSFER', () => 'The owner cannot be invited, changed or removed: transfer ownership instead');
export const ShareLinkIdMustBeNew = defineError('ShareLinkIdMustBeNew', ConflictError, 'SHARE_LINK_EXISTS',
  (d: { linkId: string }) => `Share link ${d.linkId} exists already`);
export const ShareLinkMustBeActive = defineError('ShareLinkMustBeActive', NotFoundError, 'SHARE_LINK_NOT_FOUND',
  (d: { linkId: string }) => `No active share link ${d.linkId}`);
