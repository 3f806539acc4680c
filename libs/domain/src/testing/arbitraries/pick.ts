import { entryOffsets, type ActiveScoreState, type ChordEntry, type VoiceEntry } from '../../index';
import type { Fraction } from '../../music/music.types';

/** Where something sits, as commands name it. */
export interface Spot {
  partId: string;
  staff: number;
  measureId: string;
  measureIndex: number;
  voice: number;
}

export interface EntrySpot extends Spot {
  entry: VoiceEntry;
  offset: Fraction;
  index: number;
}

export interface MarkSpot extends Omit<Spot, 'voice'> {
  id: string;
  list: 'dynamics' | 'hairpins' | 'slurs' | 'texts' | 'chordSymbols';
}

/** Picks the n-th item of a list that is never empty (a pool of values), wrapping around. */
export function pick<T>(list: readonly T[], n: number): T {
  if (list.length === 0) throw new Error('pick from an empty pool');
  return list[n % list.length];
}

/** Picks the n-th item of a list, wrapping around; undefined for an empty list. */
export function nth<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

export function allEntries(s: ActiveScoreState): EntrySpot[] {
  const spots: EntrySpot[] = [];
  s.measures.forEach((m, measureIndex) => {
    for (const part of s.parts) {
      m.content[part.id].staves.forEach((staff, st) => {
        staff.voices.forEach((entries, v) => {
          const offsets = entryOffsets(entries);
          entries.forEach((entry, index) => {
            const spot = { partId: part.id, staff: st + 1, measureId: m.id, measureIndex, voice: v + 1 };
            spots.push({ ...spot, entry, offset: offsets[index], index });
          });
        });
      });
    }
  });
  return spots;
}

export function chordEntries(s: ActiveScoreState): (EntrySpot & { entry: ChordEntry })[] {
  return allEntries(s).filter((e): e is EntrySpot & { entry: ChordEntry } => e.entry.kind === 'chord');
}

export function allMarks(s: ActiveScoreState): MarkSpot[] {
  const marks: MarkSpot[] = [];
  s.measures.forEach((m, measureIndex) => {
    for (const part of s.parts) {
      const pm = m.content[part.id];
      for (const c of pm.chordSymbols) marks.push({ partId: part.id, staff: 1, measureId: m.id, measureIndex, id: c.id, list: 'chordSymbols' });
      pm.staves.forEach((staff, st) => {
        for (const list of ['dynamics', 'hairpins', 'slurs', 'texts'] as const) {
          for (const mark of staff[list]) marks.push({ partId: part.id, staff: st + 1, measureId: m.id, measureIndex, id: mark.id, list });
        }
      });
    }
  });
  return marks;
}
