import { normaliseEmail, roleSatisfies, type AccessRole, type MemberRole } from '@bandpro/domain';
import { isSealedValue, type StoredEvent } from '@bandpro/events';
import {
  apiKeyDocId, inviteeDocId, userPerson, type ApiKeyIndexDoc, type EmailKey, type InviteeIndexDoc, type PersonKey, type ScoreAccessCore,
} from '@bandpro/read-models';
import type { DocReader } from '../projection/projection';

/**
 * What score-access and score-library share: who holds which role on a score, followed from the
 * score's creation, its access stream and the account events that register an invited email.
 */
export const ACCESS_EVENT_TYPES = ['MemberInvited', 'MemberRoleChanged', 'MemberRemoved', 'OwnershipTransferred', 'ShareLinkCreated', 'ShareLinkRevoked'] as const;
export const ACCOUNT_EVENT_TYPES = ['AccountRegistered', 'ApiKeyCreated'] as const;
export const CREATION_EVENT_TYPES = ['ScoreCreated', 'ScoreImported'] as const;

const ACCESS_PREFIX = 'score-access-';
const ACCOUNT_PREFIX = 'account-';

type Member = { userId: string } | { email: unknown };
interface AccessEventData {
  email?: unknown;
  role?: MemberRole;
  member?: Member;
  to?: MemberRole | { userId: string; email: unknown };
  from?: string;
}

export const isAccessEvent = (event: StoredEvent): boolean => (ACCESS_EVENT_TYPES as readonly string[]).includes(event.type);
export const isCreation = (event: StoredEvent): boolean => (CREATION_EVENT_TYPES as readonly string[]).includes(event.type);

/** An email as the event identifies it: never kept in any other form (a sealed one by its subject). */
export function emailKeyOf(email: unknown): EmailKey {
  if (typeof email === 'string') return `email:${normaliseEmail(email)}`;
  if (isSealedValue(email)) return `pii:${email.$pii.s}`;
  throw new Error('An email in an access or account event is neither text nor a sealed value');
}

export function accessScoreId(event: StoredEvent): string {
  if (!event.streamId.startsWith(ACCESS_PREFIX)) throw new Error(`${event.type} arrived on ${event.streamId}, not on an access stream`);
  return event.streamId.slice(ACCESS_PREFIX.length);
}

/** The account an ApiKeyCreated belongs to: its stream is `account-<userId>`. */
export function accountUserId(event: StoredEvent): string {
  if (!event.streamId.startsWith(ACCOUNT_PREFIX)) throw new Error(`${event.type} arrived on ${event.streamId}, not on an account stream`);
  return event.streamId.slice(ACCOUNT_PREFIX.length);
}

/** The invitations an access event creates, changes or clears: their index documents change too. */
export function inviteesNamed(event: StoredEvent): EmailKey[] {
  const data = event.data as AccessEventData;
  switch (event.type) {
    case 'MemberInvited':
      return [emailKeyOf(data.email)];
    case 'MemberRoleChanged':
    case 'MemberRemoved':
      return data.member && 'email' in data.member ? [emailKeyOf(data.member.email)] : [];
    default:
      return [];
  }
}

/** The API key that created a score, when one did: the score then belongs to the key's user. */
export function creatingApiKey(event: StoredEvent): string | undefined {
  const { actor } = event.metadata;
  const { ownerId } = event.data as { ownerId?: string };
  return actor.kind === 'api-key' && actor.id === ownerId ? actor.id : undefined;
}

/** The documents a score's creation or an access event reads besides the score's own. */
export function indexKeysOf(event: StoredEvent): string[] {
  if (isCreation(event)) {
    const keyId = creatingApiKey(event);
    return keyId === undefined ? [] : [apiKeyDocId(keyId)];
  }
  if (isAccessEvent(event)) return inviteesNamed(event).map(inviteeDocId);
  return [];
}

export function newAccessCore(event: StoredEvent, read: DocReader): ScoreAccessCore {
  const { ownerId } = event.data as { ownerId: string };
  const keyId = creatingApiKey(event);
  const key = keyId === undefined ? undefined : (read(apiKeyDocId(keyId)) as ApiKeyIndexDoc | undefined);
  return { ownerId: key?.userId ?? ownerId, members: {}, invites: {}, registered: {} };
}

/** The access list after an access event; share link events leave it as it is. */
export function evolveAccessCore(core: ScoreAccessCore, event: StoredEvent, read: DocReader): ScoreAccessCore {
  const data = event.data as AccessEventData;
  switch (event.type) {
    case 'MemberInvited':
      return invite(core, emailKeyOf(data.email), data.role as MemberRole, read);
    case 'MemberRoleChanged': {
      const member = data.member as Member;
      return 'email' in member ? invite(core, emailKeyOf(member.email), data.to as MemberRole, read) : withRole(core, member, data.to as MemberRole);
    }
    case 'MemberRemoved':
      return withRole(core, data.member as Member, null);
    case 'OwnershipTransferred': {
      const to = data.to as { userId: string; email: unknown };
      const cleared = invitationsOf(core, to).reduce((next, email) => withInvite(next, email, null), withRole(core, { userId: to.userId }, null));
      return withRole({ ...cleared, ownerId: to.userId }, { userId: data.from as string }, 'editor');
    }
    default:
      return core;
  }
}

/**
 * The new owner's invitations, which the transfer clears: the one of their email and any that
 * registered as them (a sealed email is sealed under the owner's subject here, not the email's).
 */
function invitationsOf(core: ScoreAccessCore, to: { userId: string; email: unknown }): EmailKey[] {
  const own = emailKeyOf(to.email);
  return Object.keys(core.invites).filter((email) => email === own || core.registered[email] === to.userId);
}

function invite(core: ScoreAccessCore, email: EmailKey, role: MemberRole, read: DocReader): ScoreAccessCore {
  const userId = (read(inviteeDocId(email)) as InviteeIndexDoc | undefined)?.userId ?? null;
  const registered = userId === null ? core.registered : { ...core.registered, [email]: userId };
  return { ...core, invites: { ...core.invites, [email]: role }, registered };
}

function withRole(core: ScoreAccessCore, member: Member, role: MemberRole | null): ScoreAccessCore {
  if ('userId' in member) return { ...core, members: withEntry<MemberRole>(core.members, member.userId, role) };
  return withInvite(core, emailKeyOf(member.email), role);
}

function withInvite(core: ScoreAccessCore, email: EmailKey, role: MemberRole | null): ScoreAccessCore {
  const registered = role === null ? withEntry<string>(core.registered, email, null) : core.registered;
  return { ...core, invites: withEntry<MemberRole>(core.invites, email, role), registered };
}

function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T | null): Record<string, T> {
  const { [key]: _, ...rest } = record;
  return value === null ? rest : { ...rest, [key]: value };
}

/** The invited email has registered: its invitation is now that user's. */
export function registerInvitee(core: ScoreAccessCore, email: EmailKey, userId: string): ScoreAccessCore {
  if (core.invites[email] === undefined || core.registered[email] === userId) return core;
  return { ...core, registered: { ...core.registered, [email]: userId } };
}

const rolesOfCore = new WeakMap<ScoreAccessCore, ReadonlyMap<PersonKey, AccessRole>>();

/**
 * Each person's role: the owner, memberships, and invitations (by user once registered), the
 * stronger one winning. Remembered per core: cores are never mutated, and every event of a score
 * asks for its people several times.
 */
export function rolesByPerson(core: ScoreAccessCore): ReadonlyMap<PersonKey, AccessRole> {
  const known = rolesOfCore.get(core);
  if (known) return known;
  const roles = computeRoles(core);
  rolesOfCore.set(core, roles);
  return roles;
}

function computeRoles(core: ScoreAccessCore): Map<PersonKey, AccessRole> {
  const roles = new Map<PersonKey, AccessRole>();
  const grant = (person: PersonKey, role: AccessRole) => roles.set(person, stronger(roles.get(person), role));
  for (const [userId, role] of Object.entries(core.members)) grant(userPerson(userId), role);
  for (const [email, role] of Object.entries(core.invites)) {
    const userId = core.registered[email];
    grant(userId === undefined ? email : userPerson(userId), role);
  }
  roles.set(userPerson(core.ownerId), 'owner');
  return roles;
}

function stronger(a: AccessRole | undefined, b: AccessRole): AccessRole {
  return a !== undefined && roleSatisfies(a, b) ? a : b;
}

/** The index documents: an invited email (scores, and its user once registered), an API key's user. */
export function evolveIndexDoc(doc: InviteeIndexDoc | ApiKeyIndexDoc | undefined, event: StoredEvent, id: string): InviteeIndexDoc | ApiKeyIndexDoc | null {
  if (event.type === 'ApiKeyCreated') return { kind: 'api-key', id, userId: accountUserId(event) };
  if (doc?.kind === 'api-key') return doc;
  const invitee: InviteeIndexDoc = doc ?? { kind: 'invitee', id, userId: null, scoreIds: [] };
  if (event.type === 'AccountRegistered') return { ...invitee, userId: (event.data as { userId: string }).userId };
  if (!isAccessEvent(event)) return doc ?? null;
  const scoreId = accessScoreId(event);
  const stillInvited = event.type === 'MemberInvited' || event.type === 'MemberRoleChanged';
  const scoreIds = invitee.scoreIds.filter((s) => s !== scoreId);
  return { ...invitee, scoreIds: stillInvited ? [...scoreIds, scoreId].sort() : scoreIds };
}

/**
 * The email key an account registered: a sealed account email is sealed under the account's
 * subject, so the event also names the subject its email's invitations are sealed with.
 */
export function registeredEmailKey(event: StoredEvent): EmailKey {
  const { email, emailSubject } = event.data as { email: unknown; emailSubject?: unknown };
  return typeof emailSubject === 'string' && emailSubject !== '' ? `pii:${emailSubject}` : emailKeyOf(email);
}

/** The document keys of the account events: the registered email's invitee document, the key's document. */
export function accountKeysOf(event: StoredEvent): string[] {
  if (event.type === 'AccountRegistered') return [inviteeDocId(registeredEmailKey(event))];
  if (event.type === 'ApiKeyCreated') return [apiKeyDocId((event.data as { keyId: string }).keyId)];
  return [];
}
