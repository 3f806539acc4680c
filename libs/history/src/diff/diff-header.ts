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

function partChanges(a: Part, b: Part, positions: [number, number] | null): FieldChange<PartField>[] {
  const changes: FieldChange<PartField>[] = PART_FIELDS.filter((f) => !deepEqual(a[f], b[f])).map((field) => ({
    field,
    before: a[field],
    after: b[field],
  }));
  if (positions !== null) changes.push({ field: 'position', before: positions[0], after: positions[1] });
  return changes;
}

/** Where each part stands among the parts both sides have: an added or removed part moves no other part. */
function ranks(parts: readonly Part[], common: ReadonlySet<string>): Map<string, number> {
  return new Map(parts.filter((p) => common.has(p.id)).map((p, rank) => [p.id, rank]));
}

/**
 * Parts compared by id. `position` (the part's index on each side) is reported when the part moved
 * relative to the other parts, not when one was added or removed before it.
 */
export function diffParts(before: readonly Part[], after: readonly Part[]): PartsDiff {
  const beforeIndex = new Map(before.map((p, i) => [p.id, i]));
  const afterIds = new Set(after.map((p) => p.id));
  const common = new Set(before.filter((p) => afterIds.has(p.id)).map((p) => p.id));
  const [rankBefore, rankAfter] = [ranks(before, common), ranks(after, common)];
  const diff: PartsDiff = { added: [], removed: before.filter((p) => !afterIds.has(p.id)), changed: [] };
  after.forEach((part, index) => {
    const i = beforeIndex.get(part.id);
    if (i === undefined) {
      diff.added.push(part);
      return;
    }
    const moved = rankBefore.get(part.id) !== rankAfter.get(part.id);
    const changes = before[i] === part && !moved ? [] : partChanges(before[i], part, moved ? [i, index] : null);
    if (changes.length > 0) diff.changed.push({ partId: part.id, changes });
  });
  return diff;
}
