import type { AccessRole, MemberRole } from '@bandpro/domain';
import type { StoredEvent } from '@bandpro/events';
import {
  SCORE_ACCESS_COLLECTION, type InviteeIndexDoc, type ScoreAccessCore, type ScoreAccessDoc, type ScoreAccessLink, type ScoreAccessView,
} from '@bandpro/read-models';
import type { DocReader, Projection } from '../projection/projection';
import { lifecycleScoreId } from './lifecycle-events';
import {
  accessScoreId, accountKeysOf, ACCESS_EVENT_TYPES, ACCOUNT_EVENT_TYPES, CREATION_EVENT_TYPES, evolveAccessCore, evolveIndexDoc,
  indexKeysOf, isAccessEvent, newAccessCore, registerInvitee, registeredEmailKey, rolesByPerson,
} from './score-people';

const noDocs: DocReader<ScoreAccessDoc> = () => undefined;

/**
 * score-access: per score (keyed by scoreId), its owner, members with their roles, pending
 * invitations (by email key, never a plaintext email beyond what the event holds) and share links
 * without their token hashes. An invitation counts as its user's role once that email registers.
 */
export const scoreAccessProjection: Projection<ScoreAccessDoc> = {
  name: 'score-access',
  version: 1,
  collection: SCORE_ACCESS_COLLECTION,
  eventTypes: [...CREATION_EVENT_TYPES, 'ScoreDiscarded', ...ACCESS_EVENT_TYPES, 'ScorePurged', ...ACCOUNT_EVENT_TYPES],
  keysOf(event) {
    if (event.type === 'AccountRegistered' || event.type === 'ApiKeyCreated') return accountKeysOf(event);
    return [...indexKeysOf(event), scoreIdOf(event)];
  },
  relatedKeysOf(event, read) {
    if (event.type !== 'AccountRegistered') return [];
    const [inviteeId] = accountKeysOf(event);
    return (read(inviteeId) as InviteeIndexDoc | undefined)?.scoreIds ?? [];
  },
  evolve(doc, event, id, read = noDocs) {
    if (id.startsWith('invitee:') || id.startsWith('api-key:')) return evolveIndexDoc(doc as InviteeIndexDoc | undefined, event, id);
    return evolveAccessDoc(doc as ScoreAccessView | undefined, event, id, read);
  },
};

function scoreIdOf(event: StoredEvent): string {
  if (isAccessEvent(event)) return accessScoreId(event);
  if (event.type === 'ScorePurged') return lifecycleScoreId(event);
  return event.streamId;
}

function evolveAccessDoc(doc: ScoreAccessView | undefined, event: StoredEvent, scoreId: string, read: DocReader): ScoreAccessView | null {
  switch (event.type) {
    case 'ScoreCreated':
    case 'ScoreImported':
      return doc ? { ...doc, active: true } : viewOf(scoreId, newAccessCore(event, read), {}, true);
    case 'ScoreDiscarded':
      return doc ? { ...doc, active: false } : null;
    case 'ScorePurged':
      return null;
    case 'AccountRegistered': {
      if (!doc) return null;
      return withCore(doc, registerInvitee(doc, registeredEmailKey(event), (event.data as { userId: string }).userId));
    }
    case 'ShareLinkCreated': {
      const current = existing(doc, event);
      const { linkId, expiresAt, at } = event.data as { linkId: string; expiresAt: string | null; at: string };
      return { ...current, shareLinks: { ...current.shareLinks, [linkId]: { linkId, expiresAt, createdAt: at, revokedAt: null } } };
    }
    case 'ShareLinkRevoked': {
      const current = existing(doc, event);
      const { linkId, at } = event.data as { linkId: string; at: string };
      const link = current.shareLinks[linkId];
      if (!link) throw new Error(`ShareLinkRevoked at position ${event.position}: ${scoreId} has no share link ${linkId}`);
      return { ...current, shareLinks: { ...current.shareLinks, [linkId]: { ...link, revokedAt: at } } };
    }
    default: {
      const current = existing(doc, event);
      return withCore(current, evolveAccessCore(current, event, read));
    }
  }
}

function existing(doc: ScoreAccessView | undefined, event: StoredEvent): ScoreAccessView {
  if (!doc) throw new Error(`${event.type} at position ${event.position} arrived for ${event.streamId}, which has no access list`);
  return doc;
}

function withCore(doc: ScoreAccessView, core: ScoreAccessCore): ScoreAccessView {
  if (core.ownerId === doc.ownerId && core.members === doc.members && core.invites === doc.invites && core.registered === doc.registered) return doc;
  return viewOf(doc.scoreId, core, doc.shareLinks, doc.active);
}

function viewOf(scoreId: string, core: ScoreAccessCore, shareLinks: Record<string, ScoreAccessLink>, active: boolean): ScoreAccessView {
  const { ownerId, members, invites, registered } = core;
  const roles: Record<string, AccessRole> = {};
  const pending: Record<string, MemberRole> = {};
  for (const [person, role] of rolesByPerson(core)) {
    if (person.startsWith('user:')) roles[person.slice('user:'.length)] = role;
    else pending[person] = role as MemberRole;
  }
  return { kind: 'access', id: scoreId, scoreId, active, ownerId, members, invites, registered, roles, pending, shareLinks };
}
