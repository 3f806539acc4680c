import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ErasureIncompleteError, UnreadableSealedValueError } from './errors';
import { KeyCache } from './key-cache';
import type { KeyStore } from './key-store.port';
import {
  assertSubjectId, ERASED, findSealedSubjects, isSealedValue,
  type ErasedValue, type Json, type Opened, type SealedValue,
} from './sealed-value';

/** Anything holding copies of personal data (read models, caches, snapshots) that must purge it. */
export interface ErasureListener {
  purgeSubject(subjectId: string): Promise<void> | void;
}

export interface PersonalDataVaultOptions {
  /** How long a key may stay in this process's memory; 0 disables caching. Default 30 s. */
  keyCacheTtlMs?: number;
  keyCacheMaxEntries?: number;
  now?: () => number;
  listeners?: ErasureListener[];
}

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const IVS_PER_DRAW = 256;

/**
 * Every seal needs a fresh random IV, and the audit log seals one per request: drawing 12 bytes at a time costs
 * as much as drawing 3 KiB, so IVs are cut from a block drawn at once. A block is never reused: each draw
 * allocates a new one, so IVs already handed out keep their bytes.
 */
let ivBlock = Buffer.alloc(0);
let ivAt = 0;
function nextIv(): Buffer {
  if (ivAt + IV_BYTES > ivBlock.length) {
    ivBlock = randomBytes(IV_BYTES * IVS_PER_DRAW);
    ivAt = 0;
  }
  ivAt += IV_BYTES;
  return ivBlock.subarray(ivAt - IV_BYTES, ivAt);
}

/**
 * Crypto-shredding (contract G9): personal data is sealed with its subject's key before it goes
 * into an event, and `erase` deletes the key, after which every copy reads as `{ $erased: true }`.
 * The subject id is bound into each ciphertext (GCM additional data), so a sealed value cannot be
 * relabelled to outlive its subject's erasure under someone else's key.
 */
export class PersonalDataVault {
  private readonly cache: KeyCache;
  private readonly listeners: ErasureListener[];

  constructor(private readonly keys: KeyStore, options: PersonalDataVaultOptions = {}) {
    this.cache = new KeyCache(options.keyCacheTtlMs ?? 30_000, options.keyCacheMaxEntries ?? 1_000, options.now ?? Date.now);
    this.listeners = [...(options.listeners ?? [])];
  }

  /** Read models and caches that keep personal data register here to be purged on erasure. */
  addErasureListener(listener: ErasureListener): void {
    this.listeners.push(listener);
  }

  async seal(subjectId: string, plaintext: Json): Promise<SealedValue> {
    assertSubjectId(subjectId);
    const key = this.cache.get(subjectId) ?? this.remember(subjectId, await this.keys.getOrCreateKey(subjectId));
    const iv = nextIv();
    const cipher = createCipheriv(CIPHER, key, iv).setAAD(Buffer.from(subjectId, 'utf8'));
    const ct = Buffer.concat([cipher.update(JSON.stringify(plaintext), 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return { $pii: { s: subjectId, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: tag.toString('base64') } };
  }

  async open(sealed: SealedValue): Promise<Json | ErasedValue> {
    const key = await this.keyFor(sealed.$pii.s);
    return key ? decrypt(sealed, key) : { ...ERASED };
  }

  /** A copy of `data` with every sealed value, at any depth, replaced by its plaintext or `{ $erased: true }`. */
  async openDeep<T>(data: T): Promise<Opened<T>> {
    const keys = new Map<string, Buffer | undefined>();
    for (const subjectId of findSealedSubjects(data)) keys.set(subjectId, await this.keyFor(subjectId));
    return replaceSealed(data, keys) as Opened<T>;
  }

  /**
   * Deletes the subject's key, then asks every listener to purge its copies. The key goes first:
   * once it is gone the data is unreadable even if a purge fails, and erasing again retries them.
   */
  async erase(subjectId: string): Promise<void> {
    assertSubjectId(subjectId);
    await this.keys.deleteKey(subjectId);
    // After the delete, so a read racing with it cannot leave the old key cached.
    this.cache.invalidate(subjectId);
    const failures: unknown[] = [];
    for (const listener of this.listeners) {
      try {
        await listener.purgeSubject(subjectId);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new ErasureIncompleteError(subjectId, failures);
  }

  /** Drops every cached key, e.g. when another process announces an erasure. */
  forgetKeys(subjectId?: string): void {
    if (subjectId === undefined) this.cache.clear();
    else this.cache.invalidate(subjectId);
  }

  private async keyFor(subjectId: string): Promise<Buffer | undefined> {
    const cached = this.cache.get(subjectId);
    if (cached) return cached;
    const key = await this.keys.findKey(subjectId);
    return key && this.remember(subjectId, key);
  }

  private remember(subjectId: string, key: Buffer): Buffer {
    this.cache.set(subjectId, key);
    return key;
  }
}

function decrypt({ $pii }: SealedValue, key: Buffer): Json {
  try {
    const decipher = createDecipheriv(CIPHER, key, Buffer.from($pii.iv, 'base64'), { authTagLength: TAG_BYTES })
      .setAAD(Buffer.from($pii.s, 'utf8'))
      .setAuthTag(Buffer.from($pii.tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from($pii.ct, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new UnreadableSealedValueError($pii.s, error);
  }
}

function replaceSealed(data: unknown, keys: Map<string, Buffer | undefined>): unknown {
  if (isSealedValue(data)) {
    const key = keys.get(data.$pii.s);
    return key ? decrypt(data, key) : { ...ERASED };
  }
  if (Array.isArray(data)) return data.map((item) => replaceSealed(item, keys));
  if (typeof data === 'object' && data !== null) {
    return Object.fromEntries(Object.entries(data).map(([name, value]) => [name, replaceSealed(value, keys)]));
  }
  return data;
}
