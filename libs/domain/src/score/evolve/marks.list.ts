import { compareF } from '../../music/fraction';
import type { Fraction } from '../../music/music.types';

interface Mark {
  id: string;
  offset: Fraction;
}

/** Marks are kept sorted by offset, then id, so an add and its inverse remove give back the same list. */
export function compareMarks(a: Mark, b: Mark): number {
  return compareF(a.offset, b.offset) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function insertMark<T extends Mark>(list: readonly T[], mark: T): T[] {
  const copy = list.slice();
  let i = copy.length;
  while (i > 0 && compareMarks(copy[i - 1], mark) > 0) i--;
  copy.splice(i, 0, mark);
  return copy;
}

export function removeMark<T extends { id: string }>(list: readonly T[], id: string): T[] | undefined {
  const index = list.findIndex((m) => m.id === id);
  if (index < 0) return undefined;
  return list.slice(0, index).concat(list.slice(index + 1));
}
