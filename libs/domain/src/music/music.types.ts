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

/** A clef as MusicXML writes it: sign, staff line (1 = bottom) and an optional octave shift (treble 8vb: -1). */
export interface Clef {
  sign: 'G' | 'F' | 'C' | 'percussion' | 'TAB';
  line: number;
  octaveChange?: -1 | 1;
}

/** Additive meters (3+2/8) are stored by their total; beatType is a power of two 1..64. */
export interface TimeSignature {
  beats: number;
  beatType: number;
}

/** Position on the circle of fifths (-7 = 7 flats .. 7 = 7 sharps) and the mode it is read in. */
export interface KeySignature {
  fifths: number;
  mode: 'major' | 'minor';
}

/** A spelt pitch without an octave (chord roots, key tonics). */
export interface PitchClass {
  step: Step;
  alter: Alter;
}

/** MusicXML `kind-value`. */
export type ChordKind =
  | 'major'
  | 'minor'
  | 'augmented'
  | 'diminished'
  | 'dominant'
  | 'major-seventh'
  | 'minor-seventh'
  | 'diminished-seventh'
  | 'augmented-seventh'
  | 'half-diminished'
  | 'major-minor'
  | 'major-sixth'
  | 'minor-sixth'
  | 'dominant-ninth'
  | 'major-ninth'
  | 'minor-ninth'
  | 'dominant-11th'
  | 'major-11th'
  | 'minor-11th'
  | 'dominant-13th'
  | 'major-13th'
  | 'minor-13th'
  | 'suspended-second'
  | 'suspended-fourth'
  | 'Neapolitan'
  | 'Italian'
  | 'French'
  | 'German'
  | 'pedal'
  | 'power'
  | 'Tristan'
  | 'other'
  | 'none';

/** A chord symbol; `text` is what is printed for the kind when it differs from the usual suffix (MusicXML kind@text). */
export interface ChordSymbol {
  root: PitchClass;
  kind: ChordKind;
  bass?: PitchClass;
  text?: string;
}
