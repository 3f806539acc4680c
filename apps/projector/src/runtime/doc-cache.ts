/**
 * Recently used documents of one generation, so consecutive batches touching the same score do
 * not parse it from the store again. `null` records a document known to be absent. Least
 * recently used entries go first; the runner clears it whenever the store may differ from it
 * (a failed commit, a lost lease).
 */
export class DocCache<Doc> {
  private readonly entries = new Map<string, Doc | null>();

  constructor(private readonly capacity: number) {}

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): Doc | null | undefined {
    return this.entries.get(id);
  }

  /** Keeps the documents a committed batch ended with, then forgets the oldest beyond capacity. */
  absorb(docs: ReadonlyMap<string, Doc | null>): void {
    for (const [id, doc] of docs) {
      this.entries.delete(id);
      this.entries.set(id, doc);
    }
    for (const id of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(id);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
