import type { StoredEvent } from '@bandpro/events';
import type { DeadLetterInput, DocumentChange, ReadModelCheckpoint, ReadModelDoc } from '@bandpro/read-models';
import type { DocReader, Projection } from '../projection/projection';
import type { DocCache } from './doc-cache';

export type ApplyMode = 'live' | 'rebuild';

export interface BatchInput<Doc extends ReadModelDoc> {
  projection: Projection<Doc>;
  /** A non-empty page of the feed, in position order. */
  events: readonly StoredEvent[];
  /** Documents changed by earlier pages and not committed yet: they win over cache and store. */
  pending?: ReadonlyMap<string, Doc | null>;
  cache: DocCache<Doc>;
  /** Reads the documents the cache does not hold, all in one call. */
  load(ids: readonly string[]): Promise<Map<string, Doc>>;
  mode: ApplyMode;
}

export interface BatchOutcome<Doc extends ReadModelDoc> {
  /** One change per document the batch changed: written together with `checkpoint`. */
  changes: DocumentChange<Doc>[];
  /** Every document the batch read or wrote, as it ended: what the cache keeps after the commit. */
  docs: Map<string, Doc | null>;
  checkpoint: ReadModelCheckpoint;
  /** Events that failed; live mode skips them, rebuild mode stops at the first one. */
  deadLetters: DeadLetterInput[];
  /** Handled events applied. */
  applied: number;
}

/**
 * Applies a page of events to the documents in memory: one load for the documents missing from
 * the cache, then pure evolve calls, then one list of changes. No write per event, no JSON per
 * event: that is what makes rebuilding a million events fast.
 */
export async function applyBatch<Doc extends ReadModelDoc>(input: BatchInput<Doc>): Promise<BatchOutcome<Doc>> {
  const { projection, events, mode } = input;
  const types = new Set(projection.eventTypes);
  const deadLetters: DeadLetterInput[] = [];
  const planned: { event: StoredEvent; keys: readonly string[] }[] = [];
  for (const event of events) {
    if (!types.has(event.type)) continue;
    const keys = attempt(() => [...new Set(projection.keysOf(event))], event, deadLetters);
    if (keys) planned.push({ event, keys });
    else if (mode === 'rebuild') break;
  }
  const docs = await workingSet(input, planned);
  const changed = new Set<string>();
  let applied = 0;
  if (projection.evolveRun && !projection.relatedKeysOf && planned.every(({ keys }) => keys.length === 1)) {
    applied = applyRuns(projection, planned, docs, changed, deadLetters, mode);
    planned.length = 0;
  }
  for (const { event, keys: named } of planned) {
    if (mode === 'rebuild' && deadLetters.length > 0) break;
    const keys = projection.relatedKeysOf ? await withRelated(input, event, named, docs, deadLetters) : named;
    if (!keys) continue;
    const next = attempt(() => evolveAll(projection, event, keys, docs), event, deadLetters);
    if (!next) continue;
    keys.forEach((id, index) => {
      if (next[index] === docs.get(id)) return;
      docs.set(id, next[index]);
      changed.add(id);
    });
    applied += 1;
  }
  const changes = [...changed].map((id) => ({ collection: projection.collection, id, doc: docs.get(id) ?? null }));
  deadLetters.sort((a, b) => a.position - b.position);
  return { changes, docs, checkpoint: checkpointAfter(events), deadLetters, applied };
}

/**
 * The events of each document in one evolveRun call (documents are independent: each event names
 * one and reads no other). When a run throws, its events go one by one, so exactly the events at
 * fault are dead-lettered, as without runs. Returns how many events were applied.
 */
function applyRuns<Doc extends ReadModelDoc>(
  projection: Projection<Doc>,
  planned: readonly { event: StoredEvent; keys: readonly string[] }[],
  docs: Map<string, Doc | null>,
  changed: Set<string>,
  deadLetters: DeadLetterInput[],
  mode: ApplyMode,
): number {
  const runs = new Map<string, StoredEvent[]>();
  for (const { event, keys } of planned) {
    const run = runs.get(keys[0]);
    if (run) run.push(event);
    else runs.set(keys[0], [event]);
  }
  let applied = 0;
  for (const [id, events] of runs) {
    const before = docs.get(id) ?? null;
    let after: Doc | null;
    try {
      after = (projection.evolveRun as NonNullable<Projection<Doc>['evolveRun']>)(before ?? undefined, events, id);
      applied += events.length;
    } catch {
      after = before;
      for (const event of events) {
        const next = attempt(() => projection.evolve(after ?? undefined, event, id), event, deadLetters);
        if (next === undefined && mode === 'rebuild') break;
        if (next === undefined) continue;
        after = next;
        applied += 1;
      }
    }
    if (after === before) continue;
    docs.set(id, after);
    changed.add(id);
  }
  return applied;
}

export const MAX_RELATED_ROUNDS = 8;

/**
 * The named keys, then what relatedKeysOf finds through them, loading each round's new documents.
 * A throwing relatedKeysOf dead-letters the event (undefined); a failing load fails the batch.
 */
async function withRelated<Doc extends ReadModelDoc>(
  input: BatchInput<Doc>,
  event: StoredEvent,
  named: readonly string[],
  docs: Map<string, Doc | null>,
  deadLetters: DeadLetterInput[],
): Promise<readonly string[] | undefined> {
  const keys = [...named];
  const read = (id: string) => docs.get(id) ?? undefined;
  for (let round = 0; round <= MAX_RELATED_ROUNDS; round++) {
    const found = attempt(() => newRelatedKeys(input.projection, event, read, keys, round), event, deadLetters);
    if (found === undefined) return undefined;
    keys.push(...found);
    // Only newly loaded documents can make relatedKeysOf answer differently: without any, it has settled.
    const fresh = found.filter((id) => !docs.has(id));
    if (fresh.length === 0) return keys;
    await loadInto(input, [{ keys: fresh }], docs);
  }
  return keys;
}

export function newRelatedKeys<Doc extends ReadModelDoc>(projection: Projection<Doc>, event: StoredEvent, read: DocReader<Doc>, keys: readonly string[], round: number): string[] {
  const known = new Set(keys);
  const found = [...new Set(projection.relatedKeysOf?.(event, read) ?? [])].filter((id) => !known.has(id));
  if (found.length > 0 && round === MAX_RELATED_ROUNDS) throw new Error(`${projection.name}: the related keys of ${event.type} did not settle in ${MAX_RELATED_ROUNDS} rounds`);
  return found;
}

/** Evolves each key in order; a later key reads the earlier ones as this event left them. */
export function evolveAll<Doc extends ReadModelDoc>(projection: Projection<Doc>, event: StoredEvent, keys: readonly string[], docs: ReadonlyMap<string, Doc | null>): (Doc | null)[] {
  const after = new Map<string, Doc | null>();
  const read = (id: string) => (after.has(id) ? after.get(id) : docs.get(id)) ?? undefined;
  for (const id of keys) after.set(id, projection.evolve(docs.get(id) ?? undefined, event, id, read));
  return keys.map((id) => after.get(id) ?? null);
}

/** Every document the planned events touch, from the cache or the store; null when absent. */
async function workingSet<Doc extends ReadModelDoc>(
  input: BatchInput<Doc>,
  planned: readonly { keys: readonly string[] }[],
): Promise<Map<string, Doc | null>> {
  return loadInto(input, planned, new Map<string, Doc | null>());
}

/** Adds to `docs` the documents it lacks: pending changes first, then the cache, then one store read. */
async function loadInto<Doc extends ReadModelDoc>(
  input: BatchInput<Doc>,
  planned: readonly { keys: readonly string[] }[],
  docs: Map<string, Doc | null>,
): Promise<Map<string, Doc | null>> {
  const missing: string[] = [];
  for (const { keys } of planned) {
    for (const id of keys) {
      if (docs.has(id)) continue;
      const pending = input.pending?.get(id);
      docs.set(id, pending !== undefined ? pending : (input.cache.get(id) ?? null));
      if (pending === undefined && !input.cache.has(id)) missing.push(id);
    }
  }
  if (missing.length > 0) {
    for (const [id, doc] of await input.load(missing)) docs.set(id, doc);
  }
  return docs;
}

function attempt<T>(work: () => T, event: StoredEvent, deadLetters: DeadLetterInput[]): T | undefined {
  try {
    return work();
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    deadLetters.push({ position: event.position, eventId: event.eventId, type: event.type, error: message });
    return undefined;
  }
}

export function checkpointAfter(events: readonly StoredEvent[]): ReadModelCheckpoint {
  const last = events[events.length - 1];
  return { position: last.position, recordedAt: last.metadata.recordedAt };
}
