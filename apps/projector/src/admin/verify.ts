import type { StoredEvent } from '@bandpro/events';
import type { ReadModelDoc } from '@bandpro/read-models';
import type { AnyProjection } from '../projection/projection';
import type { AdminContext } from './admin-context';
import { firstDifference } from './first-difference';
import { evolveAll, newRelatedKeys } from '../runtime/apply-batch';

export type DifferenceKind = 'missing' | 'extra' | 'different';

export interface ReadModelDifference {
  projection: string;
  id: string;
  kind: DifferenceKind;
  /** For `different`: where the stored document first departs from the replayed one. */
  path?: string;
}

export interface VerifyReport {
  differences: ReadModelDifference[];
  /** Events read from the feed (once for all projections) and how fast they were replayed. */
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Events a projection could not apply: live processing dead-letters them, so the replay skips them too. */
  skipped: number;
}

const PAGE = 5000;
const COMPARE_CHUNK = 500;

interface Replay {
  projection: AnyProjection;
  types: ReadonlySet<string>;
  /** The checkpoint of the generation readers see: the stored rows reflect the feed up to here. */
  until: number;
  generation?: number;
  docs: Map<string, ReadModelDoc | null>;
}

/**
 * Replays the whole feed through every projection into memory and compares the result with the
 * stored read models, row by row. Run it on a quiet store (or with the projector caught up and
 * stopped): rows written while it runs may show as different.
 */
export async function verify(context: AdminContext): Promise<VerifyReport> {
  const started = performance.now();
  const replays = await Promise.all(context.projections.map((projection) => openReplay(context, projection)));
  const { events, skipped } = await replayFeed(context, replays);
  const seconds = (performance.now() - started) / 1000;
  const differences: ReadModelDifference[] = [];
  for (const replay of replays) differences.push(...(await compare(context, replay)));
  return { differences, events, seconds, eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : events, skipped };
}

async function openReplay(context: AdminContext, projection: AnyProjection): Promise<Replay> {
  const active = await context.store.activeGeneration(projection.name);
  const until = active?.checkpoint.position ?? 0;
  return { projection, types: new Set(projection.eventTypes), until, generation: active?.generation, docs: new Map() };
}

async function replayFeed(context: AdminContext, replays: readonly Replay[]): Promise<{ events: number; skipped: number }> {
  const until = Math.max(0, ...replays.map((r) => r.until));
  let after = 0;
  let events = 0;
  let skipped = 0;
  while (after < until) {
    const page = await context.events.readAll({ afterPosition: after, limit: PAGE });
    if (page.length === 0) break;
    for (const event of page) {
      if (event.position > until) break;
      events += 1;
      for (const replay of replays) if (!apply(replay, event)) skipped += 1;
    }
    after = page[page.length - 1].position;
  }
  return { events, skipped };
}

/** False when the projection throws on the event (a dead letter live): the documents stay as they were. */
function apply(replay: Replay, event: StoredEvent): boolean {
  const { projection, types, docs, until } = replay;
  if (event.position > until || !types.has(event.type)) return true;
  try {
    const keys = [...new Set(projection.keysOf(event))];
    const read = (id: string) => docs.get(id) ?? undefined;
    for (let round = 0, found = newRelatedKeys(projection, event, read, keys, round); found.length > 0; found = newRelatedKeys(projection, event, read, keys, ++round)) keys.push(...found);
    const next = evolveAll(projection, event, keys, docs);
    keys.forEach((id, index) => docs.set(id, next[index]));
    return true;
  } catch {
    return false;
  }
}

async function compare(context: AdminContext, replay: Replay): Promise<ReadModelDifference[]> {
  const { projection, docs, generation } = replay;
  const name = projection.name;
  const expected = [...docs].filter((entry): entry is [string, ReadModelDoc] => entry[1] !== null);
  const differences: ReadModelDifference[] = [];
  for (let start = 0; start < expected.length; start += COMPARE_CHUNK) {
    const chunk = expected.slice(start, start + COMPARE_CHUNK);
    const stored = generation === undefined ? new Map() : await context.store.loadDocs(name, generation, projection.collection, chunk.map(([id]) => id));
    for (const [id, doc] of chunk) {
      const row = stored.get(id);
      if (row === undefined) differences.push({ projection: name, id, kind: 'missing' });
      else {
        // Compared as JSON: that is what the store keeps (undefined fields vanish, as they do there).
        const path = firstDifference(JSON.parse(JSON.stringify(doc)), row);
        if (path !== undefined) differences.push({ projection: name, id, kind: 'different', path });
      }
    }
  }
  const wanted = new Set(expected.map(([id]) => id));
  for (const id of await storedIds(context, projection)) if (!wanted.has(id)) differences.push({ projection: name, id, kind: 'extra' });
  return differences;
}

/**
 * Ids of the rows readers see. The port returns documents without their ids; every BandPro read
 * model carries its key as `id`, or is keyed by its score's stream id and carries that as `scoreId`.
 */
async function storedIds(context: AdminContext, projection: AnyProjection): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += COMPARE_CHUNK) {
    const page = await context.store.find<Record<string, unknown>>(projection.collection, { limit: COMPARE_CHUNK, offset });
    for (const doc of page) ids.push(String(doc['id'] ?? doc['scoreId']));
    if (page.length < COMPARE_CHUNK) return ids;
  }
}
