/**
 * The Redis caches the projector writes as events arrive and the API reads through (REDIS_URL
 * set): their keys under a configurable prefix, and their lifetimes. Both sides import this one
 * file, as they do the collection names.
 */
export const SCORE_METADATA_TTL_SECONDS = 2 * 60 * 60;
export const USER_PROFILE_TTL_SECONDS = 60 * 60;
export const QUERY_RESULT_TTL_SECONDS = 30 * 60;
/**
 * Longer than any query result lives: a generation that expires and starts again from 0 can only
 * meet results cached under that number long ago, all expired by then.
 */
export const CACHE_GENERATION_TTL_SECONDS = 2 * 60 * 60;
/** The writer renews its checkpoint at least this often; a checkpoint gone stale means no writer runs. */
export const CACHE_CHECKPOINT_TTL_SECONDS = 60;

export interface ProjectorCacheKeys {
  /** The score's catalogue row (JSON). */
  scoreMetadata(scoreId: string): string;
  /** The user's profile as registration recorded it (JSON; no email). */
  userProfile(userId: string): string;
  /** Bumped on every change to the score: results about it are keyed by it. */
  scoreGeneration(scoreId: string): string;
  /** Bumped whenever the person's library changes: their query results are keyed by it. */
  personGeneration(person: string): string;
  /** The people of a score as last written: whom to bump once the score is gone. */
  scorePeople(scoreId: string): string;
  /** Position of the last event the caches reflect. */
  readonly checkpoint: string;
}

export function projectorCacheKeys(prefix: string): ProjectorCacheKeys {
  return {
    scoreMetadata: (scoreId) => `${prefix}score-meta:${scoreId}`,
    userProfile: (userId) => `${prefix}profile:${userId}`,
    scoreGeneration: (scoreId) => `${prefix}gen:score:${scoreId}`,
    personGeneration: (person) => `${prefix}gen:person:${person}`,
    scorePeople: (scoreId) => `${prefix}people:${scoreId}`,
    checkpoint: `${prefix}projector:checkpoint`,
  };
}

/** A profile entry: what AccountRegistered says of the user, its display name as the event holds it (perhaps sealed). */
export interface CachedUserProfile {
  userId: string;
  displayName: unknown;
  registeredAt: string;
}
