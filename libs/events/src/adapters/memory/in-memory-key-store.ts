import { randomBytes } from 'node:crypto';
import { SubjectErasedError } from '../../erasure/errors';
import { DATA_KEY_BYTES, type KeyStore } from '../../erasure/key-store.port';
import { assertSubjectId } from '../../erasure/sealed-value';

/** Keys in process memory, for tests; callers get copies so they cannot alter the stored key. */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer>();
  private readonly erased = new Set<string>();

  async getOrCreateKey(subjectId: string): Promise<Buffer> {
    assertSubjectId(subjectId);
    if (this.erased.has(subjectId)) throw new SubjectErasedError(subjectId);
    let key = this.keys.get(subjectId);
    if (!key) {
      key = randomBytes(DATA_KEY_BYTES);
      this.keys.set(subjectId, key);
    }
    return Buffer.from(key);
  }

  async findKey(subjectId: string): Promise<Buffer | undefined> {
    const key = this.keys.get(subjectId);
    return key && Buffer.from(key);
  }

  async deleteKey(subjectId: string): Promise<void> {
    assertSubjectId(subjectId);
    this.keys.get(subjectId)?.fill(0);
    this.keys.delete(subjectId);
    this.erased.add(subjectId);
  }

  async close(): Promise<void> {
    // Nothing to release.
  }
}
