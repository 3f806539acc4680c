import { validateKeySignature } from './key-signature';
import { MusicError } from './music-error';
import type { KeySignature, Pitch, PitchClass } from './music.types';
import {
  type AccidentalStyle,
  formatPitchClass,
  isAlter,
  mod,
  readPitchClass,
  spellPitchClass,
  STEP_SEMITONES,
  STEPS,
} from './pitch-class';

export type SpellingPreference = 'sharps' | 'flats' | KeySignature;

/** C4 = 60; the accidental moves the number, the octave stays with the letter (B#3 = 60, Cb4 = 59). */
export function pitchToMidi(p: Pitch): number {
  return (p.octave + 1) * 12 + STEP_SEMITONES[p.step] + p.alter;
}

export function isValidPitch(p: Pitch): boolean {
  if (!STEPS.includes(p.step) || !isAlter(p.alter) || !Number.isInteger(p.octave)) return false;
  const midi = pitchToMidi(p);
  return midi >= 0 && midi <= 127;
}

export function assertPitch(p: Pitch): void {
  if (!isValidPitch(p)) {
    throw new MusicError('INVALID_PITCH', `Invalid pitch ${JSON.stringify(p)}`, { pitch: p });
  }
}

/** Puts a spelt pitch class at the octave that gives `midi` (Cb sounding as B4 is Cb5). */
export function pitchFromClass(pc: PitchClass, midi: number): Pitch {
  const octave = (midi - STEP_SEMITONES[pc.step] - pc.alter) / 12 - 1;
  return { step: pc.step, alter: pc.alter, octave };
}

/*
 * Centres on the line of fifths (see pitch-class.ts). Sharps: C C# D D# E F F# G G# A A# B; flats: C Db ...
 * A major key's window is centred on its second fifth, leaning sharp so the one tie (G#/Ab in C) goes to
 * the leading tone of the relative minor. A minor key leans a further step and a half sharp, because its
 * raised sixth and seventh are part of the key (a minor: F# and G#; d minor: C# and G#).
 */
function spellingCentre(preference: SpellingPreference): number {
  if (preference === 'sharps') return 4.5;
  if (preference === 'flats') return -0.5;
  validateKeySignature(preference);
  return preference.fifths + (preference.mode === 'minor' ? 3.5 : 2.1);
}

export function midiToPitch(midi: number, preference: SpellingPreference = 'sharps'): Pitch {
  if (!Number.isInteger(midi) || midi < 0 || midi > 127) {
    throw new MusicError('INVALID_PITCH', `MIDI note ${midi} is outside 0..127`, { midi });
  }
  return pitchFromClass(spellPitchClass(mod(midi, 12), spellingCentre(preference)), midi);
}

/** "B♭4" (unicode) or "Bb4" (ascii); double accidentals are 𝄪/𝄫 or x/bb. */
export function formatPitch(p: Pitch, style: AccidentalStyle = 'unicode'): string {
  return `${formatPitchClass(p, style)}${p.octave}`;
}

/** Reads "Bb4", "B♭4", "F#3", "Cx5", "Ebb2", "C-1"; the octave is required. */
export function parsePitch(text: string): Pitch {
  const trimmed = text.trim();
  const read = readPitchClass(trimmed);
  const octaveText = read ? trimmed.slice(read.length) : '';
  if (!read || !/^-?\d+$/.test(octaveText)) {
    throw new MusicError('INVALID_PITCH', `Cannot read a pitch from "${text}"`, { text });
  }
  const pitch: Pitch = { ...read.pc, octave: Number(octaveText) };
  assertPitch(pitch);
  return pitch;
}
