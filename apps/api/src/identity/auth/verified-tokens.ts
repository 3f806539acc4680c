import type { AccessTokenPayload } from '../session.service';

interface Verified extends AccessTokenPayload {
  /** Expiry, seconds since the epoch, as signed. */
  exp: number;
}

/**
 * Access tokens this process has already verified in full (signature, algorithm, expiry), by their exact text.
 * A client sends the same token for up to 15 minutes: checking its HMAC and parsing it again on every request was
 * a tenth of a command's CPU. Only tokens that passed passport-jwt get in; a hit is still refused once it expires
 * (it then goes through passport-jwt again, which answers TOKEN_EXPIRED), and its session is checked every time.
 * Bounded: the oldest entry goes first.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, Verified>();

  constructor(private readonly max = 10_000) {}

  /** The payload of a token verified before and not yet expired at `nowMs`. */
  get(token: string, nowMs: number): AccessTokenPayload | undefined {
    const known = this.tokens.get(token);
    if (known === undefined) return undefined;
    if (known.exp * 1000 <= nowMs) {
      this.tokens.delete(token);
      return undefined;
    }
    return known;
  }

  /** Call only after the token passed verification; a token without the claims it needs is not kept. */
  remember(token: string): void {
    const payload = decodePayload(token);
    if (payload === undefined) return;
    if (this.tokens.size >= this.max) this.tokens.delete(this.tokens.keys().next().value as string);
    this.tokens.set(token, payload);
  }

  get size(): number {
    return this.tokens.size;
  }
}

function decodePayload(token: string): Verified | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const { sub, sid, exp } = claims;
    return typeof sub === 'string' && typeof sid === 'string' && typeof exp === 'number' ? { sub, sid, exp } : undefined;
  } catch {
    return undefined;
  }
}
