/**
 * A short-lived, bounded cache of data keys. Keys live in process memory only as long as they
 * are useful: an erasure elsewhere takes effect here within `ttlMs`, and an erasure through this
 * process takes effect at once because the vault invalidates the entry.
 */
export class KeyCache {
  private readonly entries = new Map<string, { key: Buffer; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get(subjectId: string): Buffer | undefined {
    const entry = this.entries.get(subjectId);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry.key;
    this.invalidate(subjectId);
    return undefined;
  }

  set(subjectId: string, key: Buffer): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(subjectId);
    this.entries.set(subjectId, { key, expiresAt: this.now() + this.ttlMs });
    // Maps iterate in insertion order, so the first entry is the oldest.
    if (this.entries.size > this.maxEntries) this.invalidate(this.entries.keys().next().value as string);
  }

  invalidate(subjectId: string): void {
    this.entries.delete(subjectId);
  }

  clear(): void {
    this.entries.clear();
  }
}
