import type { Part, ScoreState } from '@bandpro/domain';
import { deepEqual } from './deep-equal';
import type { FieldChange, InfoField, PartField, PartsDiff } from './diff.types';

const INFO_FIELDS: readonly InfoField[] = ['title', 'subtitle', 'composer', 'arranger', 'copyright', 'scoreId', 'ownerId', 'createdAt'];

function infoValue(state: ScoreState, field: InfoField): string | null {
  return state.status === 'active' ? state[field] : null;
}

/** The score's own fields; `status` differs when one side has no score at all. */
export function diffInfo(before: ScoreState, after: ScoreState): FieldChange<InfoField | 'status'>[] {
  const changes: FieldChange<InfoField | 'status'>[] = [];
  if (before.status !== after.status) changes.push({ field: 'status', before: before.status, after: after.status });
  for (const field of INFO_FIELDS) {
    const a = infoValue(before, field);
    const b = infoValue(after, field);
    if (a !== b) changes.push({ field, before: a, after: b });
  }
  return changes;
}

const PART_FIELDS: readonly Exclude<PartField, 'position'>[] = ['name', 'abbreviation', 'instrumentId', 'staves'];

function partChanges(a: Part, b: Part, positions: [number, number]): FieldChange<PartField>[] {
  const changes: FieldChange<PartField>[] = PART_FIELDS.filter((f) => !deepEqual(a[f], b[f])).map((field) => ({
    field,
    before: a[field],
    after: b[field],
  }));
  if (positions[0] !== positions[1]) changes.push({ field: 'position', before: positions[0], after: positions[1] });
  return changes;
}

/** Parts compared by id; `position` is the part's index in the score. */
export function diffParts(before: readonly Part[], after: readonly Part[]): PartsDiff {
  const beforeIndex = new Map(before.map((p, i) => [p.id, i]));
  const afterIds = new Set(after.map((p) => p.id));
  const diff: PartsDiff = { added: [], removed: before.filter((p) => !afterIds.has(p.id)), changed: [] };
  after.forEach((part, index) => {
    const i = beforeIndex.get(part.id);
    if (i === undefined) {
      diff.added.push(part);
      return;
    }
    const changes = before[i] === part && i === index ? [] : partChanges(before[i], part, [i, index]);
    if (changes.length > 0) diff.changed.push({ partId: part.id, changes });
  });
  return diff;
}
