import type { Clef, Interval, Pitch } from '../music/music.types';
import type { SoundId } from './sounds.generated';

export type InstrumentFamily =
  | 'woodwinds'
  | 'brass'
  | 'strings'
  | 'keyboards'
  | 'plucked-strings'
  | 'percussion'
  | 'voices'
  | 'electronic';

export interface InstrumentDefinition {
  /** Stable kebab-case key stored in scores, e.g. 'trumpet-bb'. */
  id: string;
  name: string;
  abbreviation: string;
  family: InstrumentFamily;
  /** MusicXML 4.0 instrument-sound id. */
  soundId: SoundId;
  /** General MIDI program, 1..128 (drum kits: the kit number on channel 10). */
  midiProgram: number;
  staves: 1 | 2;
  /** One clef per staff, top staff first. */
  clefs: Clef[];
  /** Written → sounding: a B♭ trumpet's written C sounds B♭ a major second lower, { diatonic: -1, chromatic: -2 }. */
  transposition: Interval;
  /** Sounding pitches a professional player can be asked for. */
  range: { lowest: Pitch; highest: Pitch };
  /** Unpitched: notes are drum-map positions, not pitches. */
  percussion?: true;
}
