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

/** Where "transpose to a key" goes: the concert key's position on the circle of fifths, and which way to move. */
export interface TargetKey {
  fifths: number;
  /** Default 'closest' (up on a tritone). */
  direction?: 'up' | 'down' | 'closest';
}

/**
 * Chromatic transposition by a spelt interval, or to a key: `toKey` instead of `interval` moves the key in force
 * at the selection's first measure to that key (the interval is worked out and recorded in the event, so undo
 * never guesses). Chord symbols follow unless `keepChordSymbols`; when the whole
 * score is selected, key signatures follow too (respelt enharmonically past 7 accidentals, and the notes
 * in that key with them).
 */
export type TransposeSelection = Command<
  'TransposeSelection',
  { selection: Selection; interval?: Interval; toKey?: TargetKey; keepChordSymbols?: boolean }
>;
