import type { Interval } from '../../music/music.types';
import type { Command } from './command';

/** Parts × a measure range, optionally narrowed to some staves and voices. */
export interface Selection {
  partIds: string[];
  fromMeasureId: string;
  toMeasureId: string;
  /** null or absent: every staff. */
  staves?: number[] | null;
  /** null or absent: every voice. */
  voices?: number[] | null;
}

/**
 * Chromatic transposition by a spelt interval. Chord symbols follow unless `keepChordSymbols`; when the whole
 * score is selected, key signatures follow too (respelt enharmonically past 7 accidentals, and the notes
 * in that key with them).
 */
export type TransposeSelection = Command<
  'TransposeSelection',
  { selection: Selection; interval: Interval; keepChordSymbols?: boolean }
>;
