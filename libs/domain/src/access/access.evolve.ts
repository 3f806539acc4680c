import { EventDoesNotApply } from '../errors/event-does-not-apply';
import { withMemberRole } from './access.state';
import type { AccessEvent, AccessState } from './access.types';

export function evolveAccess(state: AccessState, event: AccessEvent): AccessState {
  switch (event.type) {
    case 'MemberInvited':
      return withMemberRole(state, { email: event.data.email }, event.data.role);
    case 'MemberRoleChanged':
      return withMemberRole(state, event.data.member, event.data.to);
    case 'MemberRemoved':
      return withMemberRole(state, event.data.member, null);
    case 'OwnershipTransferred': {
      const { from, to } = event.data;
      const cleared = withMemberRole(withMemberRole(state, { userId: to.userId }, null), { email: to.email }, null);
      return withMemberRole({ ...cleared, ownerId: to.userId }, { userId: from }, 'editor');
    }
    case 'ShareLinkCreated': {
      const { at, ...link } = event.data;
      return { ...state, shareLinks: { ...state.shareLinks, [link.linkId]: { ...link, createdAt: at, revokedAt: null } } };
    }
    case 'ShareLinkRevoked': {
      const link = state.shareLinks[event.data.linkId];
      if (link === undefined) throw new EventDoesNotApply(event.type, 'no such share link', { linkId: event.data.linkId });
      return { ...state, shareLinks: { ...state.shareLinks, [link.linkId]: { ...link, revokedAt: event.data.at } } };
    }
    default: {
      const unknown: never = event;
      throw new EventDoesNotApply((unknown as { type: string }).type, 'unknown event type');
    }
  }
}

export const replayAccess = (ownerId: string, events: readonly AccessEvent[]): AccessState =>
  events.reduce(evolveAccess, { ownerId, members: {}, invites: {}, shareLinks: {} });
