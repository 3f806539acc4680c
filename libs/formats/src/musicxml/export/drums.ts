import { midiToPitch, type Pitch } from '@bandpro/domain';

/*
 * Drum-kit notes are General MIDI drum numbers. MusicXML writes them as unpitched notes at a staff
 * position, naming a score-instrument that carries the MIDI number; these are the usual positions.
 */

const KIT: Readonly<Record<number, [string, string]>> = {
  35: ['Acoustic Bass Drum', 'E4'], 36: ['Bass Drum', 'F4'], 37: ['Side Stick', 'C5'], 38: ['Acoustic Snare', 'C5'],
  39: ['Hand Clap', 'C5'], 40: ['Electric Snare', 'C5'], 41: ['Low Floor Tom', 'G4'], 42: ['Closed Hi-Hat', 'G5'],
  43: ['High Floor Tom', 'A4'], 44: ['Pedal Hi-Hat', 'D4'], 45: ['Low Tom', 'B4'], 46: ['Open Hi-Hat', 'G5'],
  47: ['Low-Mid Tom', 'D5'], 48: ['Hi-Mid Tom', 'E5'], 49: ['Crash Cymbal 1', 'A5'], 50: ['High Tom', 'E5'],
  51: ['Ride Cymbal 1', 'F5'], 52: ['Chinese Cymbal', 'A5'], 53: ['Ride Bell', 'F5'], 54: ['Tambourine', 'E5'],
  55: ['Splash Cymbal', 'A5'], 56: ['Cowbell', 'E5'], 57: ['Crash Cymbal 2', 'A5'], 59: ['Ride Cymbal 2', 'F5'],
};

const STEP_OCTAVE = /^([A-G])(\d)$/;

export function drumName(midi: number): string {
  return KIT[midi]?.[0] ?? `Drum ${midi}`;
}

/** Where the drum is written on a five-line percussion staff; unlisted drums sit at their own pitch. */
export function drumDisplay(midi: number): Pitch {
  const match = STEP_OCTAVE.exec(KIT[midi]?.[1] ?? '');
  if (match) return { step: match[1] as Pitch['step'], alter: 0, octave: Number(match[2]) };
  const own = midiToPitch(midi);
  return { ...own, alter: 0 };
}
