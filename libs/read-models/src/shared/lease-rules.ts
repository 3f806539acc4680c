import { InvalidLeaseError } from '../store/errors';
import type { LeaseInfo } from '../store/read-model-store.port';

/** One instance per projection: the lease is free, expired, or already ours. */
export function canAcquire(current: LeaseInfo | undefined, ownerId: string, now: number): boolean {
  return current === undefined || current.ownerId === ownerId || current.expiresAt <= now;
}

/**
 * Renewal only needs the lease to still name us: an expired lease nobody took over is still safe
 * to keep, because a takeover would have replaced the owner.
 */
export function canRenew(current: LeaseInfo | undefined, ownerId: string): boolean {
  return current?.ownerId === ownerId;
}

export function checkLeaseRequest(ownerId: string, ttlMs: number): void {
  if (!ownerId) throw new InvalidLeaseError('a lease needs an owner id');
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new InvalidLeaseError(`lease ttl must be > 0 ms, got ${ttlMs}`);
}
