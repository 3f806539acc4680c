import { durationToFraction } from '../music/duration';
import type { Fraction, Pitch } from '../music/music.types';
import type { ActiveScoreState } from '../score/model/score.state';
import type { Part } from '../score/model/score.types';
import { requireMeasure, requirePart } from '../score/queries/lookup';
import { entryOffsets } from '../score/queries/voice';
import { AnalysisInputMustBeValid } from './analysis-errors';

/** Which parts and bars an analysis reads: all parts and the whole score unless narrowed. */
export interface PassageRange {
  partIds?: readonly string[];
  /** First measure (inclusive); the first of the score when absent. */
  fromMeasureId?: string;
  /** Last measure (inclusive); the last of the score when absent. */
  toMeasureId?: string;
}

/** One sounding note of the score, where it starts in its measure and how long its entry lasts. */
export interface PassageNote {
  partId: string;
  measureIndex: number;
  entryId: string;
  offset: Fraction;
  duration: Fraction;
  pitch: Pitch;
}

export function passageParts(state: ActiveScoreState, partIds: readonly string[] | undefined): Part[] {
  if (partIds === undefined) return state.parts;
  return [...new Set(partIds)].map((id) => requirePart(state, id).part);
}

/** The measure indices of the range, in order; a range that runs backwards is refused rather than guessed. */
export function passageMeasureIndices(state: ActiveScoreState, range: PassageRange): number[] {
  const from = range.fromMeasureId === undefined ? 0 : requireMeasure(state, range.fromMeasureId).index;
  const to = range.toMeasureId === undefined ? state.measures.length - 1 : requireMeasure(state, range.toMeasureId).index;
  if (from > to) {
    throw new AnalysisInputMustBeValid({ field: 'toMeasureId', value: range.toMeasureId, expected: 'a measure at or after fromMeasureId' });
  }
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Every note of the given parts in the given measures, in score order (measure, part, staff, voice, time). */
export function notesOf(state: ActiveScoreState, parts: readonly Part[], measureIndices: readonly number[]): PassageNote[] {
  const notes: PassageNote[] = [];
  for (const measureIndex of measureIndices) {
    const measure = state.measures[measureIndex];
    for (const part of parts) {
      for (const staff of measure.content[part.id].staves) {
        for (const entries of staff.voices) {
          const offsets = entryOffsets(entries);
          entries.forEach((entry, i) => {
            if (entry.kind !== 'chord') return;
            const duration = durationToFraction(entry.duration);
            for (const { pitch } of entry.notes) notes.push({ partId: part.id, measureIndex, entryId: entry.id, offset: offsets[i], duration, pitch });
          });
        }
      }
    }
  }
  return notes;
}

/** The notes an analysis of `range` reads. */
export function passageNotes(state: ActiveScoreState, range: PassageRange): PassageNote[] {
  return notesOf(state, passageParts(state, range.partIds), passageMeasureIndices(state, range));
}
