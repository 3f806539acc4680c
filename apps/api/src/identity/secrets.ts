import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Refresh tokens, API keys and share links carry 256 random bits, so a plain SHA-256 is enough to store them
 * (argon2 is for passwords, which people choose); it also keeps per-request key checks cheap.
 */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `<id>.<secret>` as handed to clients; null when the shape is wrong. */
export function splitToken(token: string): { id: string; secret: string } | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot === token.length - 1) return null;
  return { id: token.slice(0, dot), secret: token.slice(dot + 1) };
}
