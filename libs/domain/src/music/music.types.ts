/** Pitch and rhythm vocabulary shared by the whole score model (MusicXML names where they exist). */

export type Step = 'C' | 'D' | 'E' | 'F' | 'G' | 'A' | 'B';

/** Semitones from the natural step: -2 (double flat) .. +2 (double sharp). */
export type Alter = -2 | -1 | 0 | 1 | 2;

/** Scientific pitch notation: C4 is middle C (MIDI 60). */
export interface Pitch {
  step: Step;
  alter: Alter;
  octave: number;
}

export type DurationType =
  | 'whole'
  | 'half'
  | 'quarter'
  | 'eighth'
  | '16th'
  | '32nd'
  | '64th';

/** `actual` notes in the time of `normal` (a triplet is 3:2). */
export interface Tuplet {
  actual: number;
  normal: number;
}

export interface Duration {
  type: DurationType;
  /** 0, 1 or 2 augmentation dots. */
  dots: number;
  tuplet?: Tuplet;
}

/** An exact rational number of whole notes (e.g. a dotted quarter is 3/8). Always reduced, den > 0. */
export interface Fraction {
  num: number;
  den: number;
}

/**
 * A spelt interval: `diatonic` steps and `chromatic` semitones, both signed the same way.
 * A major third up is { diatonic: 2, chromatic: 4 }; a minor second down is { diatonic: -1, chromatic: -1 }.
 */
export interface Interval {
  diatonic: number;
  chromatic: number;
}
