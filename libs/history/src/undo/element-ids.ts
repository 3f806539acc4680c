import type { ScoreEvent } from '@bandpro/domain';

/** Fields that name an element (an entry, note, mark, measure or part) rather than a place to look for one. */
const ID_FIELDS = new Set(['id', 'entryId', 'noteId', 'dynamicId', 'chordSymbolId', 'afterEntryId']);

function collect(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, field] of Object.entries(value)) {
    if (ID_FIELDS.has(key) && typeof field === 'string') into.add(field);
    else collect(field, into);
  }
}

/**
 * The ids of the elements an event adds, removes, changes or stands next to, read from its data: entries and
 * notes of a splice, marks, and every element inside deleted measures or a removed part. An event that only
 * changes an attribute of a measure, staff or part (tempo, clef, name) names that measure and part instead.
 * Ids inside a measure are unique only within it, so this is a lookup aid for naming conflicts, not an index.
 */
export function elementIdsOf(event: ScoreEvent): Set<string> {
  const ids = new Set<string>();
  collect(event.data, ids);
  if (ids.size === 0) {
    const { measureId, partId } = event.data as { measureId?: unknown; partId?: unknown };
    if (typeof measureId === 'string') ids.add(measureId);
    if (typeof partId === 'string') ids.add(partId);
  }
  return ids;
}

/** The measures and parts an event reaches into: where its elements live. */
export function placesOf(event: ScoreEvent): Set<string> {
  const places = new Set<string>();
  const { measureId, partId } = event.data as { measureId?: unknown; partId?: unknown };
  if (typeof measureId === 'string') places.add(measureId);
  if (typeof partId === 'string') places.add(partId);
  return places;
}
