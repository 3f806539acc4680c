import type { Actor } from '@bandpro/events';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../errors/api-error';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/**
 * The store's command id for this request. Keys are scoped to the actor, so one user can neither
 * collide with nor probe another's keys; without a key every request is new.
 */
export function commandIdFor(actor: Actor, idempotencyKey: string | undefined): string {
  if (idempotencyKey === undefined) return uuidv7();
  if (!KEY.test(idempotencyKey)) {
    throw new ApiError(400, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 8-128 letters, digits or _.:-');
  }
  return `${actor.kind}:${actor.id}:${idempotencyKey}`;
}

/** The version the client last saw, from `If-Match` (`"12"`, `W/"12"` or `12`) or the body; both must agree. */
export function baseVersionFrom(ifMatch: string | undefined, bodyVersion: number | undefined): number | undefined {
  const fromHeader = ifMatch === undefined || ifMatch === '*' ? undefined : parseIfMatch(ifMatch);
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new ApiError(400, 'VERSION_MISMATCH', 'If-Match and expectedVersion disagree', { ifMatch: fromHeader, expectedVersion: bodyVersion });
  }
  return fromHeader ?? bodyVersion;
}

function parseIfMatch(value: string): number {
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value.trim());
  if (!match) throw new ApiError(400, 'INVALID_IF_MATCH', 'If-Match must hold a score version, e.g. "12"');
  return Number(match[1]);
}

/** Routes that change data need someone to attribute the change to. */
export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first');
  return { id: actor.id, kind: actor.kind };
}
