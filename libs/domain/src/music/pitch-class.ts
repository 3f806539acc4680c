import { MusicError } from './music-error';
import type { Alter, PitchClass, Step } from './music.types';

export const STEPS: readonly Step[] = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];
export const STEP_SEMITONES: Readonly<Record<Step, number>> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** Mathematical modulo: never negative, never -0. */
export const mod = (a: number, n: number): number => (((a % n) + n) % n) + 0;

export const stepIndex = (step: Step): number => STEPS.indexOf(step);

export function isAlter(a: unknown): a is Alter {
  return Number.isInteger(a) && (a as number) >= -2 && (a as number) <= 2;
}

export function isPitchClass(pc: PitchClass): boolean {
  return STEPS.includes(pc.step) && isAlter(pc.alter);
}

/** Semitones above C, 0..11. */
export const pitchClassNumber = (pc: PitchClass): number => mod(STEP_SEMITONES[pc.step] + pc.alter, 12);

/*
 * Line of fifths: ... Bb=-2, F=-1, C=0, G=1, D=2 ... B=5, F#=6 ... Each key signature is a window of seven
 * adjacent positions, so choosing a spelling is choosing the position nearest the key's centre.
 */
const FIFTHS_ORDER: readonly Step[] = ['F', 'C', 'G', 'D', 'A', 'E', 'B'];

export function lineOfFifths(pc: PitchClass): number {
  return FIFTHS_ORDER.indexOf(pc.step) - 1 + 7 * pc.alter;
}

/** The spelling at a line-of-fifths position; throws beyond double sharps/flats. */
export function pitchClassAtFifths(position: number): PitchClass {
  const alter = Math.floor((position + 1) / 7);
  if (!isAlter(alter)) {
    throw new MusicError('SPELLING_OUT_OF_RANGE', `No spelling within double accidentals at fifth ${position}`, {
      position,
    });
  }
  return { step: FIFTHS_ORDER[mod(position + 1, 7)], alter: (alter + 0) as Alter };
}

/**
 * The spelling of semitone class `pc` (0..11) whose line-of-fifths position is nearest `centre`,
 * except that a single accidental beats a double one (G, not F𝄪, in F♯ major): a reader expects that.
 */
export function spellPitchClass(pc: number, centre: number): PitchClass {
  const base = mod(7 * pc, 12);
  const nearest = base + 12 * Math.round((centre - base) / 12);
  const spelt = pitchClassAtFifths(nearest);
  if (Math.abs(spelt.alter) < 2) return spelt;
  return pitchClassAtFifths(nearest - 12 * Math.sign(spelt.alter));
}

const UNICODE_ACCIDENTALS: Readonly<Record<Alter, string>> = { [-2]: '𝄫', [-1]: '♭', 0: '', 1: '♯', 2: '𝄪' };
const ASCII_ACCIDENTALS: Readonly<Record<Alter, string>> = { [-2]: 'bb', [-1]: 'b', 0: '', 1: '#', 2: 'x' };

export type AccidentalStyle = 'unicode' | 'ascii';

export function accidentalText(alter: Alter, style: AccidentalStyle = 'unicode'): string {
  return (style === 'unicode' ? UNICODE_ACCIDENTALS : ASCII_ACCIDENTALS)[alter];
}

export function formatPitchClass(pc: PitchClass, style: AccidentalStyle = 'unicode'): string {
  return pc.step + accidentalText(pc.alter, style);
}

const ACCIDENTAL_VALUES: Readonly<Record<string, Alter>> = {
  '': 0, 'n': 0, '♮': 0,
  '#': 1, '♯': 1, 'b': -1, '♭': -1,
  '##': 2, 'x': 2, '𝄪': 2, '♯♯': 2, 'bb': -2, '𝄫': -2, '♭♭': -2,
};

/** Reads an accidental written in ASCII (#, b, x, ##, bb) or Unicode (♯ ♭ 𝄪 𝄫); undefined if it is none of those. */
export function parseAccidental(text: string): Alter | undefined {
  return Object.prototype.hasOwnProperty.call(ACCIDENTAL_VALUES, text) ? ACCIDENTAL_VALUES[text] : undefined;
}

const PITCH_CLASS_PATTERN = /^([A-Ga-g])(𝄪|𝄫|##|bb|♯♯|♭♭|[#♯b♭xn♮]?)/u;

/** Reads a leading pitch class ("Bb", "F♯") and returns it with the number of characters consumed. */
export function readPitchClass(text: string): { pc: PitchClass; length: number } | undefined {
  const match = PITCH_CLASS_PATTERN.exec(text);
  if (!match) return undefined;
  const alter = parseAccidental(match[2]) as Alter;
  return { pc: { step: match[1].toUpperCase() as Step, alter }, length: match[0].length };
}

export function parsePitchClass(text: string): PitchClass {
  const read = readPitchClass(text.trim());
  if (!read || read.length !== text.trim().length) {
    throw new MusicError('INVALID_PITCH', `Cannot read a pitch class from "${text}"`, { text });
  }
  return read.pc;
}
