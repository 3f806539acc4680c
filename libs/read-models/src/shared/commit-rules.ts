import { InvalidCommitError } from '../store/errors';
import type { DocumentChange, ReadModelCheckpoint } from '../store/read-model-store.port';

export const NO_CHECKPOINT: ReadModelCheckpoint = Object.freeze({ position: 0, recordedAt: null });

/** A change with its document already serialised: adapters write JSON text they cannot fail on. */
export interface SerialisedChange<Json = string> {
  collection: string;
  id: string;
  /** null deletes. */
  json: Json | null;
}

/**
 * Validates a whole commit and serialises every document BEFORE anything is written, so that a
 * document that cannot be stored fails the commit without leaving half of it behind.
 */
export function prepareCommit(changes: readonly DocumentChange[], checkpoint: ReadModelCheckpoint): SerialisedChange[] {
  return prepareCommitWith(changes, checkpoint, (doc) => JSON.stringify(doc));
}

/** prepareCommit for an adapter that writes a document as something else than its JSON text. */
export function prepareCommitWith<Json>(
  changes: readonly DocumentChange[],
  checkpoint: ReadModelCheckpoint,
  serialiseDoc: (doc: object) => Json,
): SerialisedChange<Json>[] {
  if (!Number.isSafeInteger(checkpoint.position) || checkpoint.position < 1) {
    throw new InvalidCommitError(`checkpoint position must be a whole number ≥ 1, got ${checkpoint.position}`);
  }
  const seen = new Set<string>();
  return changes.map(({ collection, id, doc }) => {
    if (!collection || !id) throw new InvalidCommitError('every change needs a collection and an id');
    const key = `${collection}\u0000${id}`;
    if (seen.has(key)) throw new InvalidCommitError(`${collection}/${id} changes twice in one commit`);
    seen.add(key);
    return { collection, id, json: doc === null ? null : serialise(collection, id, doc, serialiseDoc) };
  });
}

function serialise<Json>(collection: string, id: string, doc: unknown, write: (doc: object) => Json): Json {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InvalidCommitError(`${collection}/${id} must be a JSON object or null`);
  }
  try {
    return write(doc);
  } catch (error) {
    throw new InvalidCommitError(`${collection}/${id} cannot be stored as JSON: ${(error as Error).message}`);
  }
}

/** The guard that makes redelivery harmless: only a checkpoint past the stored one is written. */
export function isAhead(next: ReadModelCheckpoint, stored: ReadModelCheckpoint): boolean {
  return next.position > stored.position;
}

export function collectionsOf(changes: readonly SerialisedChange<unknown>[]): string[] {
  return [...new Set(changes.map((change) => change.collection))];
}
