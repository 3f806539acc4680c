import { createHmac, timingSafeEqual } from 'node:crypto';

export interface DownloadGrant {
  key: string;
  /** The file name the download is offered under. */
  name: string;
  /** Seconds since the epoch after which the link is refused. */
  expires: number;
}

export type DownloadCheck = { ok: true; grant: DownloadGrant } | { ok: false; reason: 'invalid' | 'expired' };

export interface SignedQuery {
  key?: unknown;
  name?: unknown;
  expires?: unknown;
  signature?: unknown;
}

/** HMAC-SHA256 over key, name and expiry: a link cannot be pointed at another file, renamed or extended. */
export class DownloadSigner {
  constructor(
    private readonly secret: string,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    if (secret.length < 16) throw new Error('The download URL secret must be at least 16 characters');
  }

  /** The query string of a link to `key` valid for `ttlSeconds` from now. */
  sign(key: string, name: string, ttlSeconds: number): string {
    const expires = this.nowSeconds() + ttlSeconds;
    const query = new URLSearchParams({ key, name, expires: String(expires), signature: this.mac({ key, name, expires }) });
    return query.toString();
  }

  /** A tampered link is invalid whatever its expiry; an authentic one past its expiry is expired. */
  verify(query: SignedQuery): DownloadCheck {
    const { key, name, expires, signature } = query;
    if (typeof key !== 'string' || typeof name !== 'string' || typeof signature !== 'string' || typeof expires !== 'string') return { ok: false, reason: 'invalid' };
    const expiresAt = Number(expires);
    if (!/^\d{1,12}$/.test(expires) || !Number.isSafeInteger(expiresAt)) return { ok: false, reason: 'invalid' };
    const grant = { key, name, expires: expiresAt };
    const expected = Buffer.from(this.mac(grant), 'hex');
    const presented = Buffer.from(signature, 'hex');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return { ok: false, reason: 'invalid' };
    if (expiresAt <= this.nowSeconds()) return { ok: false, reason: 'expired' };
    return { ok: true, grant };
  }

  private mac({ key, name, expires }: DownloadGrant): string {
    return createHmac('sha256', this.secret).update(JSON.stringify([key, name, expires])).digest('hex');
  }
}
