import { ACCESS_ROLES, type AccessRole, type AccessState, type MemberRef, type MemberRole } from './access.types';

export const initialAccessState = (ownerId: string): AccessState => ({ ownerId, members: {}, invites: {}, shareLinks: {} });

export function isMemberRole(role: unknown): role is MemberRole {
  return role === 'viewer' || role === 'commenter' || role === 'editor';
}

/** True when `role` may do what `required` allows. */
export function roleSatisfies(role: AccessRole | null, required: AccessRole): boolean {
  return role !== null && ACCESS_ROLES.indexOf(role) >= ACCESS_ROLES.indexOf(required);
}

/** The stronger of two roles, so a user both invited by email and a member by id gets the better one. */
function stronger(a: MemberRole | undefined, b: MemberRole | undefined): MemberRole | null {
  if (a === undefined || b === undefined) return a ?? b ?? null;
  return roleSatisfies(a, b) ? a : b;
}

/** A user's role on the score: owner, a membership by id, or an invitation of their (normalised) email. */
export function roleOf(state: AccessState, user: { userId: string; email: string }): AccessRole | null {
  if (state.ownerId === user.userId) return 'owner';
  return stronger(state.members[user.userId], state.invites[user.email]);
}

export function memberRole(state: AccessState, member: MemberRef): MemberRole | undefined {
  return 'userId' in member ? state.members[member.userId] : state.invites[member.email];
}

export function withMemberRole(state: AccessState, member: MemberRef, role: MemberRole | null): AccessState {
  const [field, key] = 'userId' in member ? (['members', member.userId] as const) : (['invites', member.email] as const);
  const { [key]: _, ...rest } = state[field];
  return { ...state, [field]: role === null ? rest : { ...rest, [key]: role } };
}
