import type { ActiveScoreState, Measure, Part, ScoreState } from '@bandpro/domain';
import { barNumberAt } from './bar-numbers';
import { diffMeasure } from './diff-content';
import { diffInfo, diffParts } from './diff-header';
import type { DiffBar, MeasuresDiff, PartsDiff, ScoreDiff } from './diff.types';

type Doc = Pick<ActiveScoreState, 'parts' | 'measures' | 'measureIndex'>;

const NO_SCORE: Doc = { parts: [], measures: [], measureIndex: {} };
const docOf = (state: ScoreState): Doc => (state.status === 'active' ? state : NO_SCORE);

/** The bars that differ, once each. */
class Bars {
  readonly list: DiffBar[] = [];
  private readonly seen = new Set<string>();

  add(partId: string, measureId: string, bar: number): void {
    const key = `${partId}\u0000${measureId}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ partId, measureId, bar });
  }

  addAll(parts: readonly Part[], measureId: string, bar: number): void {
    for (const part of parts) this.add(part.id, measureId, bar);
  }
}

function diffMeasures(a: Doc, b: Doc, bars: Bars): Omit<ScoreDiff, 'info' | 'parts' | 'bars' | 'empty'> {
  const measures: MeasuresDiff = { added: [], removed: [], changed: [] };
  const result = { measures, notes: [] as ScoreDiff['notes'], marks: [] as ScoreDiff['marks'] };
  b.measures.forEach((mb: Measure, j) => {
    const bar = barNumberAt(b, j);
    const i = a.measureIndex[mb.id];
    if (i === undefined) {
      measures.added.push({ measureId: mb.id, bar });
      bars.addAll(b.parts, mb.id, bar);
      return;
    }
    const found = diffMeasure(a.measures[i], mb);
    if (found.attributes.length > 0) measures.changed.push({ measureId: mb.id, bar, changes: found.attributes });
    if (found.attributes.some((c) => c.partId === null)) bars.addAll(b.parts, mb.id, bar);
    for (const partId of found.parts) bars.add(partId, mb.id, bar);
    result.notes.push(...found.notes);
    result.marks.push(...found.marks);
  });
  a.measures.forEach((ma, i) => {
    if (b.measureIndex[ma.id] !== undefined) return;
    measures.removed.push({ measureId: ma.id, bar: barNumberAt(a, i) });
    bars.addAll(a.parts, ma.id, barNumberAt(a, i));
  });
  return result;
}

/** A part on one side only differs in every bar it has there. */
function partBars(parts: PartsDiff, a: Doc, b: Doc, bars: Bars): void {
  const mark = (doc: Doc, part: Part) => doc.measures.forEach((m, i) => bars.add(part.id, m.id, barNumberAt(doc, i)));
  parts.added.forEach((p) => mark(b, p));
  parts.removed.forEach((p) => mark(a, p));
}

/**
 * What differs between two states of a score, for a bar-level visual diff: metadata, parts, measures and
 * their attributes, entries and marks by id. Shared structure is skipped by reference, so two versions of
 * the same history cost in proportion to what changed between them.
 */
export function diffScores(before: ScoreState, after: ScoreState): ScoreDiff {
  const [a, b] = [docOf(before), docOf(after)];
  const bars = new Bars();
  const info = diffInfo(before, after);
  const parts = diffParts(a.parts, b.parts);
  const { measures, notes, marks } = diffMeasures(a, b, bars);
  partBars(parts, a, b, bars);
  const partsChanged = parts.added.length + parts.removed.length + parts.changed.length;
  const measuresChanged = measures.added.length + measures.removed.length + measures.changed.length;
  const empty = info.length + partsChanged + measuresChanged + notes.length + marks.length === 0;
  return { info, parts, measures, notes, marks, bars: bars.list, empty };
}
