import type { ChordSymbol, Duration, Fraction, Interval, KeySignature, Pitch, Step, TimeSignature } from '../../music/music.types';
import type { Clef } from '../../music/music.types';
import type { TempoMark } from '../../index';

/* Small pools of musical values the generated histories draw from (n-th item, wrapping). */

export const TIME_SIGNATURES: TimeSignature[] = [
  { beats: 4, beatType: 4 },
  { beats: 3, beatType: 4 },
  { beats: 6, beatType: 8 },
  { beats: 2, beatType: 2 },
  { beats: 5, beatType: 8 },
  { beats: 2, beatType: 4 },
];

export const DURATIONS: Duration[] = [
  { type: 'quarter', dots: 0 },
  { type: 'eighth', dots: 0 },
  { type: 'half', dots: 0 },
  { type: 'quarter', dots: 1 },
  { type: '16th', dots: 0 },
  { type: 'eighth', dots: 0, tuplet: { actual: 3, normal: 2 } },
  { type: 'whole', dots: 0 },
  { type: 'quarter', dots: 0, tuplet: { actual: 3, normal: 2 } },
];

const STEPS: Step[] = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];

export function pitchFrom(n: number): Pitch {
  return { step: STEPS[n % 7], alter: ((Math.floor(n / 7) % 3) - 1) as -1 | 0 | 1, octave: 3 + (Math.floor(n / 21) % 3) };
}

export const offsetFrom = (n: number): Fraction => ({ num: n % 8, den: 8 });

export const keyFrom = (n: number): KeySignature => ({ fifths: (n % 9) - 4, mode: n % 5 === 0 ? 'minor' : 'major' });

export const CLEFS: Clef[] = [
  { sign: 'G', line: 2 },
  { sign: 'F', line: 4 },
  { sign: 'C', line: 3 },
  { sign: 'G', line: 2, octaveChange: -1 },
];

export const TEMPI: TempoMark[] = [
  { bpm: 120, beatUnit: { type: 'quarter', dots: 0 }, text: null },
  { bpm: 72, beatUnit: { type: 'quarter', dots: 1 }, text: 'Andante' },
  { bpm: 96, beatUnit: { type: 'half', dots: 0 }, text: 'Alla breve' },
];

export const INTERVALS: Interval[] = [
  { diatonic: 1, chromatic: 2 },
  { diatonic: -2, chromatic: -3 },
  { diatonic: 3, chromatic: 5 },
  { diatonic: -4, chromatic: -7 },
  { diatonic: 0, chromatic: 1 },
  { diatonic: 7, chromatic: 12 },
  { diatonic: 1, chromatic: 1 },
];

export const CHORD_SYMBOLS: ChordSymbol[] = [
  { root: { step: 'C', alter: 0 }, kind: 'major' },
  { root: { step: 'B', alter: -1 }, kind: 'dominant' },
  { root: { step: 'F', alter: 1 }, kind: 'half-diminished', bass: { step: 'C', alter: 0 } },
  { root: { step: 'A', alter: 0 }, kind: 'minor-seventh' },
];

/** Instruments by staff count, so ChangeInstrument can keep the count. */
export const ONE_STAFF = ['trumpet-bb', 'alto-sax', 'flute', 'trombone', 'violin', 'clarinet-bb', 'horn-f', 'electric-guitar'];
export const TWO_STAVES = ['piano', 'organ'];
