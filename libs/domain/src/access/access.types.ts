import type { Command } from '../score/commands/command';
import type { DomainEvent } from '../score/events/event';

/** Roles on a score, weakest first: each role may do everything the ones before it may. */
export const ACCESS_ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];
/** The roles a member can be given; ownership only moves by OwnershipTransferred. */
export type MemberRole = Exclude<AccessRole, 'owner'>;

/** A member is a registered user, or an email invited before (or after) that person registered. */
export type MemberRef = { userId: string } | { email: string };

export type InviteMember = Command<'InviteMember', { email: string; role: MemberRole }>;
export type ChangeMemberRole = Command<'ChangeMemberRole', { member: MemberRef; role: MemberRole }>;
export type RemoveMember = Command<'RemoveMember', { member: MemberRef }>;
/** The handler resolves the new owner's account, so both its id and its email arrive. */
export type TransferOwnership = Command<'TransferOwnership', { to: { userId: string; email: string } }>;
export type CreateShareLink = Command<'CreateShareLink', { linkId: string; tokenHash: string; expiresAt: string | null }>;
export type RevokeShareLink = Command<'RevokeShareLink', { linkId: string }>;
export type AccessCommand = InviteMember | ChangeMemberRole | RemoveMember | TransferOwnership | CreateShareLink | RevokeShareLink;

export type MemberInvited = DomainEvent<'MemberInvited', { email: string; role: MemberRole; at: string }>;
export type MemberRoleChanged = DomainEvent<'MemberRoleChanged', { member: MemberRef; from: MemberRole; to: MemberRole; at: string }>;
export type MemberRemoved = DomainEvent<'MemberRemoved', { member: MemberRef; role: MemberRole; at: string }>;
/** The former owner stays on as editor; `previousRole` is what the new owner held, so an undo needs no guess. */
export type OwnershipTransferred = DomainEvent<'OwnershipTransferred',
  { from: string; to: { userId: string; email: string }; previousRole: MemberRole; at: string }>;
export type ShareLinkCreated = DomainEvent<'ShareLinkCreated', { linkId: string; tokenHash: string; expiresAt: string | null; at: string }>;
export type ShareLinkRevoked = DomainEvent<'ShareLinkRevoked', { linkId: string; at: string }>;
export type AccessEvent = MemberInvited | MemberRoleChanged | MemberRemoved | OwnershipTransferred | ShareLinkCreated | ShareLinkRevoked;

export interface ShareLink {
  linkId: string;
  tokenHash: string;
  expiresAt: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * Built from the score's owner (ScoreCreated's actor) and then the `score-access-<scoreId>` stream.
 * `members` are keyed by user id, `invites` by normalised email: an invite becomes a membership simply by
 * the invited person registering with that email (roleOf matches it), so no event has to convert it.
 */
export interface AccessState {
  ownerId: string;
  members: Readonly<Record<string, MemberRole>>;
  invites: Readonly<Record<string, MemberRole>>;
  shareLinks: Readonly<Record<string, ShareLink>>;
}
