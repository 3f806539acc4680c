import type { AccessRole, MemberRole } from '@bandpro/domain';
import type { ScoreCatalogueEntry } from './score-read-models';

/**
 * The access list and the per-person library the projector keeps, and the index documents both
 * need to follow invitations and API keys to their users. Each collection holds several kinds of
 * document, told apart by `kind`; every document carries its key as `id`.
 */
export const SCORE_ACCESS_COLLECTION = 'score-access';
export const SCORE_LIBRARY_COLLECTION = 'score-library';

/**
 * Who an invitation names, as the event identifies the email: `email:<normalised address>` for a
 * plain one, `pii:<subject id>` for a sealed one. No other form of an email is kept.
 */
export type EmailKey = string;
/** A person in the library: `user:<userId>`, or an invited email not registered yet (its EmailKey). */
export type PersonKey = string;

export const userPerson = (userId: string): PersonKey => `user:${userId}`;
export const inviteeDocId = (email: EmailKey): string => `invitee:${email}`;
export const apiKeyDocId = (keyId: string): string => `api-key:${keyId}`;
export const libraryScoreDocId = (scoreId: string): string => `score:${scoreId}`;
export const libraryEntryDocId = (person: PersonKey, scoreId: string): string => `entry:${person}:${scoreId}`;

/** Who may do what on a score, with each invitation followed to its user once that email registers. */
export interface ScoreAccessCore {
  /** The owner's user id (a score created with an API key belongs to the key's user). */
  ownerId: string;
  /** Memberships by user id. */
  members: Record<string, MemberRole>;
  /** Invitations by email key, as the access events left them. */
  invites: Record<EmailKey, MemberRole>;
  /** Invited email keys whose person has registered since: email key → user id. */
  registered: Record<EmailKey, string>;
}

export interface ScoreAccessLink {
  linkId: string;
  expiresAt: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** score-access, one per score (id = scoreId): share links keep no token hash. */
export interface ScoreAccessView extends ScoreAccessCore {
  kind: 'access';
  id: string;
  scoreId: string;
  /** False while the score's creation is undone; the access stream is kept for when it is redone. */
  active: boolean;
  /** Every registered user with a role, owner included: the stronger of membership and invitation. */
  roles: Record<string, AccessRole>;
  /** Invitations whose email has not registered yet. */
  pending: Record<EmailKey, MemberRole>;
  shareLinks: Record<string, ScoreAccessLink>;
}

/** An invited email: the scores that invited it and, once it registers, its user. In both collections. */
export interface InviteeIndexDoc {
  kind: 'invitee';
  id: string;
  userId: string | null;
  scoreIds: string[];
}

/** An API key's user: a score created with the key belongs to that user. In both collections. */
export interface ApiKeyIndexDoc {
  kind: 'api-key';
  id: string;
  userId: string;
}

/** score-library's own view of a score, from which each person's entry is derived. */
export interface LibraryScoreDoc {
  kind: 'score';
  id: string;
  scoreId: string;
  /** Null while the score's creation is undone. */
  catalogue: ScoreCatalogueEntry | null;
  trashed: boolean;
  /** recordedAt of the ScoreTrashed event while trashed: the purge job's clock starts there. */
  trashedAt: string | null;
  access: ScoreAccessCore;
}

/** One score in one person's library: everything the list, search and sort need. */
export interface LibraryEntry extends ScoreCatalogueEntry {
  kind: 'entry';
  id: string;
  person: PersonKey;
  role: AccessRole;
  trashed: boolean;
  /** The parts' instrument ids, each once, sorted. */
  instruments: string[];
}

export type ScoreAccessDoc = ScoreAccessView | InviteeIndexDoc | ApiKeyIndexDoc;
export type ScoreLibraryDoc = LibraryScoreDoc | LibraryEntry | InviteeIndexDoc | ApiKeyIndexDoc;
