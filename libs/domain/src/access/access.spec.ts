import { decideAccess, evolveAccess, initialAccessState, replayAccess, roleOf, roleSatisfies, type AccessCommand, type AccessEvent, type AccessState } from '../index';
import { aggregateSpec, AT, LATER, metadata } from './testing/aggregate-spec';

const OWNER = 'u-owner';
const given = aggregateSpec<AccessCommand, AccessEvent, AccessState>(decideAccess, evolveAccess, () => initialAccessState(OWNER));
const cmd = <T extends AccessCommand['type']>(type: T, data: Extract<AccessCommand, { type: T }>['data'], at = AT) =>
  ({ type, data, metadata: metadata(at) }) as AccessCommand;
const invited: AccessEvent = { type: 'MemberInvited', data: { email: 'bob@example.com', role: 'viewer', at: AT } };
const transferred: AccessEvent = {
  type: 'OwnershipTransferred',
  data: { from: OWNER, to: { userId: 'u-bob', email: 'bob@example.com' }, previousRole: 'viewer', at: LATER },
};
const bob = { userId: 'u-bob', email: 'bob@example.com' };

describe('the access aggregate of a score', () => {
  it('should invite a member by normalised email, who gets the role once registered with it', () => {
    const state = given().when(cmd('InviteMember', { email: 'Bob@Example.com', role: 'viewer' })).then([invited]);
    expect(roleOf(state, bob)).toBe('viewer');
    expect(roleOf(state, { userId: 'u-eve', email: 'eve@example.com' })).toBeNull();
    expect(roleOf(state, { userId: OWNER, email: 'owner@example.com' })).toBe('owner');
  });

  it('should refuse an invitation twice, a bad email, the owner role or an unknown role', () => {
    given([invited]).when(cmd('InviteMember', { email: 'bob@example.com', role: 'editor' })).thenThrows('MEMBER_ALREADY_INVITED');
    given().when(cmd('InviteMember', { email: 'bob', role: 'editor' })).thenThrows('EMAIL_MUST_BE_VALID');
    given().when(cmd('InviteMember', { email: 'b@c.de', role: 'owner' as never })).thenThrows('OWNER_ROLE_MUST_ONLY_MOVE_BY_TRANSFER');
    given().when(cmd('InviteMember', { email: 'b@c.de', role: 'admin' as never })).thenThrows('ROLE_MUST_BE_KNOWN');
  });

  it('should change a member role recording what it replaced, and do nothing when it is the same', () => {
    const state = given([invited])
      .when(cmd('ChangeMemberRole', { member: { email: 'BOB@example.com' }, role: 'editor' }))
      .then([{ type: 'MemberRoleChanged', data: { member: { email: 'bob@example.com' }, from: 'viewer', to: 'editor', at: AT } }]);
    expect(roleOf(state, bob)).toBe('editor');
    given([invited]).when(cmd('ChangeMemberRole', { member: { email: 'bob@example.com' }, role: 'viewer' })).then([]);
  });

  it('should refuse to change the role of a stranger or of the owner', () => {
    given().when(cmd('ChangeMemberRole', { member: { userId: 'u-x' }, role: 'editor' })).thenThrows('MEMBER_NOT_FOUND');
    given().when(cmd('ChangeMemberRole', { member: { userId: OWNER }, role: 'editor' })).thenThrows('OWNER_ROLE_MUST_ONLY_MOVE_BY_TRANSFER');
  });

  it('should remove a member, recording the role it had', () => {
    const state = given([invited])
      .when(cmd('RemoveMember', { member: { email: 'bob@example.com' } }))
      .then([{ type: 'MemberRemoved', data: { member: { email: 'bob@example.com' }, role: 'viewer', at: AT } }]);
    expect(roleOf(state, bob)).toBeNull();
    given().when(cmd('RemoveMember', { member: { userId: 'u-x' } })).thenThrows('MEMBER_NOT_FOUND');
  });

  it('should transfer ownership to a member, keeping the former owner on as editor', () => {
    const state = given([invited]).when(cmd('TransferOwnership', { to: bob }, LATER)).then([transferred]);
    expect(roleOf(state, bob)).toBe('owner');
    expect(roleOf(state, { userId: OWNER, email: 'owner@example.com' })).toBe('editor');
    expect(state.invites).toEqual({});
  });

  it('should let the new owner manage the former owner as a member by id', () => {
    const state = given([invited, transferred])
      .when(cmd('ChangeMemberRole', { member: { userId: OWNER }, role: 'viewer' }))
      .then([{ type: 'MemberRoleChanged', data: { member: { userId: OWNER }, from: 'editor', to: 'viewer', at: AT } }]);
    expect(roleOf(state, { userId: OWNER, email: 'x@y.zz' })).toBe('viewer');
  });

  it('should refuse to transfer ownership to a stranger, and do nothing when transferring to the owner', () => {
    given().when(cmd('TransferOwnership', { to: bob })).thenThrows('MEMBER_NOT_FOUND');
    given().when(cmd('TransferOwnership', { to: { userId: OWNER, email: 'o@x.yz' } })).then([]);
  });

  it('should create and revoke share links, refusing reused ids and unknown or revoked links', () => {
    const created: AccessEvent = { type: 'ShareLinkCreated', data: { linkId: 'l1', tokenHash: 'th', expiresAt: null, at: AT } };
    const state = given().when(cmd('CreateShareLink', { linkId: 'l1', tokenHash: 'th', expiresAt: null })).then([created]);
    expect(state.shareLinks.l1).toEqual({ linkId: 'l1', tokenHash: 'th', expiresAt: null, createdAt: AT, revokedAt: null });
    given([created]).when(cmd('CreateShareLink', { linkId: 'l1', tokenHash: 'x', expiresAt: null })).thenThrows('SHARE_LINK_EXISTS');
    const revoked: AccessEvent = { type: 'ShareLinkRevoked', data: { linkId: 'l1', at: LATER } };
    expect(given([created]).when(cmd('RevokeShareLink', { linkId: 'l1' }, LATER)).then([revoked]).shareLinks.l1.revokedAt).toBe(LATER);
    given([created, revoked]).when(cmd('RevokeShareLink', { linkId: 'l1' })).thenThrows('SHARE_LINK_NOT_FOUND');
    given().when(cmd('RevokeShareLink', { linkId: 'l1' })).thenThrows('SHARE_LINK_NOT_FOUND');
  });

  it('should give a user invited by email and a member by id the stronger role', () => {
    const state = replayAccess(OWNER, [
      { type: 'MemberInvited', data: { email: 'bob@example.com', role: 'editor', at: AT } },
      { ...transferred, data: { ...transferred.data, to: { userId: 'u-carl', email: 'carl@example.com' } } },
    ]);
    expect(roleOf({ ...state, members: { ...state.members, 'u-bob': 'viewer' } }, bob)).toBe('editor');
    expect(roleOf({ ...state, members: { 'u-bob': 'editor' }, invites: { 'bob@example.com': 'viewer' } }, bob)).toBe('editor');
  });

  it('should rank roles weakest first', () => {
    expect(roleSatisfies('owner', 'viewer')).toBe(true);
    expect(roleSatisfies('commenter', 'editor')).toBe(false);
    expect(roleSatisfies(null, 'viewer')).toBe(false);
  });

  it('should refuse unknown commands and events that do not fit', () => {
    given().when({ type: 'Nope', data: {}, metadata: metadata() } as unknown as AccessCommand).thenThrows('COMMAND_MUST_BE_KNOWN');
    expect(() => replayAccess(OWNER, [{ type: 'ShareLinkRevoked', data: { linkId: 'x', at: AT } }])).toThrow('no such share link');
    expect(() => replayAccess(OWNER, [{ type: 'Nope' } as unknown as AccessEvent])).toThrow('unknown event type');
  });
});
