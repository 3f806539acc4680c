import { entryOffsets, type ChordEntry, type Fraction, type Note, type VoiceEntry } from '@bandpro/domain';
import { deepEqual } from './deep-equal';
import type { EntryChange, EntryFieldChange, MarkKind, MarkKinds } from './diff.types';

const change = (field: EntryFieldChange['field'], before: unknown, after: unknown, noteId: string | null = null): EntryFieldChange => ({
  field,
  before,
  after,
  noteId,
});

function noteChanges(a: readonly Note[], b: readonly Note[]): EntryFieldChange[] {
  const changes: EntryFieldChange[] = [];
  const byId = new Map(a.map((n) => [n.id, n]));
  const afterIds = new Set(b.map((n) => n.id));
  for (const note of a) if (!afterIds.has(note.id)) changes.push(change('note', note, null, note.id));
  for (const note of b) {
    const old = byId.get(note.id);
    if (old === undefined) changes.push(change('note', null, note, note.id));
    else {
      if (!deepEqual(old.pitch, note.pitch)) changes.push(change('pitch', old.pitch, note.pitch, note.id));
      if (old.tie !== note.tie) changes.push(change('tie', old.tie, note.tie, note.id));
    }
  }
  return changes;
}

function chordChanges(a: ChordEntry, b: ChordEntry): EntryFieldChange[] {
  const changes: EntryFieldChange[] = [];
  if (!deepEqual(a.notes, b.notes)) {
    changes.push(...noteChanges(a.notes, b.notes));
    // The same notes in another order: no note differs, yet the chords do.
    if (changes.length === 0) changes.push(change('note', a.notes, b.notes));
  }
  if (!deepEqual(a.articulations, b.articulations)) changes.push(change('articulations', a.articulations, b.articulations));
  if (!deepEqual(a.lyrics, b.lyrics)) changes.push(change('lyrics', a.lyrics, b.lyrics));
  return changes;
}

function entryChanges(a: VoiceEntry, b: VoiceEntry, offsets: [Fraction, Fraction] | null): EntryFieldChange[] {
  const changes: EntryFieldChange[] = [];
  if (offsets !== null && !deepEqual(offsets[0], offsets[1])) changes.push(change('offset', offsets[0], offsets[1]));
  if (a === b) return changes;
  if (!deepEqual(a.duration, b.duration)) changes.push(change('duration', a.duration, b.duration));
  if (a.kind !== b.kind) changes.push(change('kind', a.kind, b.kind));
  else if (a.kind === 'chord' && b.kind === 'chord') changes.push(...chordChanges(a, b));
  return changes;
}

/** The same entries with the same durations in the same order: every entry keeps its offset. */
function sameLayout(before: readonly VoiceEntry[], after: readonly VoiceEntry[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    if (before[i].id !== after[i].id || !deepEqual(before[i].duration, after[i].duration)) return false;
  }
  return true;
}

/** Entries of one voice by id: added, removed, and changed (offset included: a shifted note differs). */
export function diffVoice(before: readonly VoiceEntry[], after: readonly VoiceEntry[]) {
  // Offsets cost fraction arithmetic; most edits keep the layout, and then no offset moved.
  const offsets = sameLayout(before, after) ? null : [entryOffsets(before), entryOffsets(after)];
  const index = new Map(before.map((e, i) => [e.id, i]));
  const afterIds = new Set(after.map((e) => e.id));
  const result = { added: [] as VoiceEntry[], removed: before.filter((e) => !afterIds.has(e.id)), changed: [] as EntryChange[] };
  after.forEach((entry, j) => {
    const i = index.get(entry.id);
    if (i === undefined) {
      result.added.push(entry);
      return;
    }
    const changes = entryChanges(before[i], entry, offsets && [offsets[0][i], offsets[1][j]]);
    if (changes.length > 0) result.changed.push({ entryId: entry.id, before: before[i], after: entry, changes });
  });
  return result;
}

/** Marks of one kind by id. */
export function diffMarkList<K extends MarkKind>(before: readonly MarkKinds[K][], after: readonly MarkKinds[K][]) {
  const byId = new Map(before.map((m) => [m.id, m]));
  const afterIds = new Set(after.map((m) => m.id));
  const result = {
    added: [] as MarkKinds[K][],
    removed: before.filter((m) => !afterIds.has(m.id)),
    changed: [] as { id: string; before: MarkKinds[K]; after: MarkKinds[K] }[],
  };
  for (const mark of after) {
    const old = byId.get(mark.id);
    if (old === undefined) result.added.push(mark);
    else if (!deepEqual(old, mark)) result.changed.push({ id: mark.id, before: old, after: mark });
  }
  return result;
}
