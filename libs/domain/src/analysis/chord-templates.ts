import type { ChordKind } from '../music/music.types';

/** A chord tone above the root: semitones for the sound, letter steps for the spelling (a d7 is not a M6). */
export interface TemplateTone {
  semitones: number;
  steps: number;
}

export interface ChordTemplate {
  kind: ChordKind;
  /** Printed instead of the kind's usual suffix, for chords MusicXML writes as a kind plus a degree (add9). */
  text?: string;
  tones: readonly TemplateTone[];
  /** Semitone values that may be missing (the fifth of most chords, the ninth of a thirteenth). */
  omittable: readonly number[];
}

const tone = (semitones: number, steps: number): TemplateTone => ({ semitones, steps });
const P1 = tone(0, 0), M2 = tone(2, 1), m3 = tone(3, 2), M3 = tone(4, 2), P4 = tone(5, 3);
const d5 = tone(6, 4), P5 = tone(7, 4), A5 = tone(8, 4), M6 = tone(9, 5), d7 = tone(9, 6);
const m7 = tone(10, 6), M7 = tone(11, 6);

const chord = (kind: ChordKind, tones: TemplateTone[], omittable: number[] = [7], text?: string): ChordTemplate =>
  text === undefined ? { kind, tones, omittable } : { kind, tones, omittable, text };

/*
 * Simplest first: when two readings explain the notes equally well, the earlier one is named first. Only
 * chords defined by their fifth (power, sus, diminished, augmented) insist on it.
 */
export const CHORD_TEMPLATES: readonly ChordTemplate[] = Object.freeze([
  chord('power', [P1, P5], []),
  chord('major', [P1, M3, P5]),
  chord('minor', [P1, m3, P5]),
  chord('suspended-fourth', [P1, P4, P5], []),
  chord('suspended-second', [P1, M2, P5], []),
  chord('diminished', [P1, m3, d5], []),
  chord('augmented', [P1, M3, A5], []),
  chord('dominant', [P1, M3, P5, m7]),
  chord('major-seventh', [P1, M3, P5, M7]),
  chord('minor-seventh', [P1, m3, P5, m7]),
  chord('half-diminished', [P1, m3, d5, m7], []),
  chord('diminished-seventh', [P1, m3, d5, d7], []),
  chord('major-sixth', [P1, M3, P5, M6]),
  chord('minor-sixth', [P1, m3, P5, M6]),
  chord('major-minor', [P1, m3, P5, M7]),
  chord('augmented-seventh', [P1, M3, A5, m7], []),
  chord('major', [P1, M2, M3, P5], [7], 'add9'),
  chord('minor', [P1, M2, m3, P5], [7], 'm(add9)'),
  chord('suspended-fourth', [P1, P4, P5, m7], [7], '7sus4'),
  chord('dominant-ninth', [P1, M2, M3, P5, m7]),
  chord('major-ninth', [P1, M2, M3, P5, M7]),
  chord('minor-ninth', [P1, M2, m3, P5, m7]),
  // An eleventh chord usually drops the third that clashes with the eleventh; a minor eleventh often the ninth.
  chord('dominant-11th', [P1, M2, M3, P4, P5, m7], [4, 7]),
  chord('major-11th', [P1, M2, M3, P4, P5, M7], [7]),
  chord('minor-11th', [P1, M2, m3, P4, P5, m7], [2, 7]),
  chord('dominant-13th', [P1, M2, M3, P5, M6, m7], [2, 7]),
  chord('major-13th', [P1, M2, M3, P5, M6, M7], [2, 7]),
  chord('minor-13th', [P1, M2, m3, P4, P5, M6, m7], [2, 5, 7]),
]);

/** The semitones above the root of the plain (text-less) template for a kind; none for kinds we never name. */
export function chordTones(kind: ChordKind): readonly number[] {
  const template = CHORD_TEMPLATES.find((t) => t.kind === kind && t.text === undefined);
  return template ? template.tones.map((t) => t.semitones) : [];
}
