/**
 * One data key per person (contract G9), kept outside the event log so that deleting it makes
 * every copy of that person's sealed data unreadable, wherever the events were copied to.
 */
export interface KeyStore {
  /** Returns the subject's key, creating it on first use; throws `SubjectErasedError` once erased. */
  getOrCreateKey(subjectId: string): Promise<Buffer>;
  findKey(subjectId: string): Promise<Buffer | undefined>;
  /**
   * Destroys the key and remembers the subject as erased, so no new data can be sealed for them.
   * Idempotent.
   */
  deleteKey(subjectId: string): Promise<void>;
  close(): Promise<void>;
}

/** AES-256 keys. */
export const DATA_KEY_BYTES = 32;
