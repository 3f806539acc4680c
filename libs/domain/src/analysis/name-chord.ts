import type { ChordSymbol, Pitch, PitchClass } from '../music/music.types';
import { mod, pitchClassNumber, stepIndex } from '../music/pitch-class';
import { assertPitch, pitchToMidi } from '../music/pitch';
import { CHORD_TEMPLATES, type ChordTemplate } from './chord-templates';

/** One sounding pitch class, spelt as its lowest occurrence is. */
interface Sounding {
  pc: PitchClass;
  number: number;
}

interface Reading {
  symbol: ChordSymbol;
  /** Notes whose letter does not fit the chord (C E A♭ is A♭+/C, not C+ with a misspelt fifth). */
  misspelt: number;
  omitted: number;
  inverted: number;
  rank: number;
}

/** Distinct pitch classes, lowest first; enharmonic twins (G♯ and A♭) count once. */
function soundingClasses(pitches: readonly Pitch[]): Sounding[] {
  const lowestFirst = pitches
    .map((pitch, index) => ({ pitch, index }))
    .sort((a, b) => pitchToMidi(a.pitch) - pitchToMidi(b.pitch) || a.index - b.index);
  const seen = new Map<number, Sounding>();
  for (const { pitch } of lowestFirst) {
    const pc: PitchClass = { step: pitch.step, alter: pitch.alter };
    const number = pitchClassNumber(pc);
    if (!seen.has(number)) seen.set(number, { pc, number });
  }
  return [...seen.values()];
}

function read(template: ChordTemplate, root: Sounding, notes: readonly Sounding[]): Omit<Reading, 'rank'> | undefined {
  let misspelt = 0;
  const present = new Set<number>();
  for (const note of notes) {
    const semitones = mod(note.number - root.number, 12);
    const tone = template.tones.find((t) => t.semitones === semitones);
    if (!tone) return undefined;
    present.add(semitones);
    if (mod(stepIndex(note.pc.step) - stepIndex(root.pc.step), 7) !== tone.steps) misspelt += 1;
  }
  const missing = template.tones.filter((t) => !present.has(t.semitones)).map((t) => t.semitones);
  if (!missing.every((s) => template.omittable.includes(s))) return undefined;
  const bass = notes[0];
  const inverted = bass.number === root.number ? 0 : 1;
  const symbol: ChordSymbol = {
    root: root.pc,
    kind: template.kind,
    ...(inverted ? { bass: bass.pc } : {}),
    ...(template.text === undefined ? {} : { text: template.text }),
  };
  return { symbol, misspelt, omitted: missing.length, inverted };
}

// The sort is stable: readings that tie on all of these stay in the order of their roots, lowest first.
const compareReadings = (a: Reading, b: Reading): number =>
  a.misspelt - b.misspelt || a.omitted - b.omitted || a.inverted - b.inverted || a.rank - b.rank;

/**
 * Names the chord that simultaneous notes form, best reading first: correctly spelt readings, then complete
 * ones, then root position (C E G A is C6 before Am7/C), then the simpler kind. Roots and basses are spelt as
 * the notes are; a bass other than the root makes a slash chord (E G C is C/E). Fewer than two distinct
 * pitch classes name no chord; notes that no template explains give an empty list too.
 */
export function nameChord(pitches: readonly Pitch[]): ChordSymbol[] {
  pitches.forEach(assertPitch);
  const notes = soundingClasses(pitches);
  if (notes.length < 2) return [];
  const readings: Reading[] = [];
  notes.forEach((root) =>
    CHORD_TEMPLATES.forEach((template, rank) => {
      const reading = read(template, root, notes);
      if (reading) readings.push({ ...reading, rank });
    }),
  );
  return readings.sort(compareReadings).map((r) => r.symbol);
}
