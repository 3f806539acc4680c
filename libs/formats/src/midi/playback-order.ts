import type { Measure } from '@bandpro/domain';
import { MidiRepeatsMustUnrollWithinLimit } from './midi-errors';

type RepeatMarks = Pick<Measure, 'startBarline' | 'endBarline' | 'volta'>;

/** A section being played: where its repeat-end sends playback back to, and which time through this is. */
interface Section {
  start: number;
  pass: number;
}

/** Far beyond any real score; only pathological nesting (each level multiplies the passes) gets here. */
const MAX_PLAYED_MEASURES = 100_000;

/**
 * The measure indices in the order they are played, repeats and volta endings unrolled.
 *
 * - A repeat-end sends playback back to the innermost open repeat-start; without one, to the measure after
 *   the previous finished repeat (or the first measure), as engravers read a lone end-repeat.
 * - On pass n a volta bracket whose numbers lack n is skipped; a section is played as many times as the
 *   highest ending number around its repeat-end, and at least twice. Leaving the last ending closes it.
 * - Nested repeats are taken again on each pass of the outer one; a repeat-start never closed plays on.
 */
export function playbackOrder(measures: readonly RepeatMarks[]): number[] {
  const order: number[] = [];
  // sections[0] is the outermost one: it starts at the first measure or after the last finished repeat.
  const sections: Section[] = [{ start: 0, pass: 1 }];
  let i = 0;
  while (i < measures.length) {
    if (leavesEndings(measures, i, top(sections))) finish(measures, sections, i);
    if (measures[i].startBarline === 'repeat-start' && top(sections).start !== i) sections.push({ start: i, pass: 1 });
    const volta = measures[i].volta;
    if (volta !== null && !volta.numbers.includes(top(sections).pass)) {
      i = bracketEnd(measures, i) + 1;
      continue;
    }
    if (order.push(i) > MAX_PLAYED_MEASURES) throw new MidiRepeatsMustUnrollWithinLimit({ limit: MAX_PLAYED_MEASURES });
    i = nextMeasure(measures, i, sections);
  }
  return order;
}

const top = (sections: Section[]): Section => sections[sections.length - 1];

/** Past the last ending of a section that has been repeated: the measure after a bracket, on a later pass. */
function leavesEndings(measures: readonly RepeatMarks[], i: number, section: Section): boolean {
  return measures[i].volta === null && i > 0 && measures[i - 1].volta !== null && section.pass > 1 && section.start < i;
}

/** Where playback goes after measure `i`. */
function nextMeasure(measures: readonly RepeatMarks[], i: number, sections: Section[]): number {
  if (measures[i].endBarline !== 'repeat-end') return i + 1;
  const section = top(sections);
  if (section.pass < passesAt(measures, i)) {
    section.pass++;
    return section.start;
  }
  finish(measures, sections, i + 1);
  return i + 1;
}

/**
 * Closes the innermost section. The outermost one then restarts at `next`, unless a repeat-start barline
 * opened it: that one encloses the section just closed and still has its own repeat-end to come.
 */
function finish(measures: readonly RepeatMarks[], sections: Section[], next: number): void {
  const closed = sections.length > 1 ? (sections.pop() as Section) : sections[0];
  const outer = sections[0];
  const enclosing = sections.length > 1 || (outer !== closed && measures[outer.start].startBarline === 'repeat-start');
  if (!enclosing) sections[0] = { start: next, pass: 1 };
}

/** The last measure of the volta bracket that starts at `index` (consecutive measures with the same numbers). */
function bracketEnd(measures: readonly RepeatMarks[], index: number): number {
  const numbers = String(measures[index].volta?.numbers);
  let end = index;
  while (end + 1 < measures.length && String(measures[end + 1].volta?.numbers) === numbers) end++;
  return end;
}

/** How many times the section ending at `index` is played: its highest ending number, and at least twice. */
function passesAt(measures: readonly RepeatMarks[], index: number): number {
  let first = index;
  while (first > 0 && measures[first].volta !== null && measures[first - 1].volta !== null) first--;
  let last = index;
  while (last + 1 < measures.length && measures[last + 1].volta !== null) last++;
  const numbers = measures.slice(first, last + 1).flatMap((m) => m.volta?.numbers ?? []);
  return Math.max(2, ...numbers);
}
