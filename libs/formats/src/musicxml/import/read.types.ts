import type {
  Articulation,
  ChordSymbol,
  Clef,
  DynamicValue,
  Fraction,
  HairpinKind,
  Interval,
  KeySignature,
  Lyric,
  Pitch,
  TempoMark,
  TimeSignature,
  Tuplet,
} from '@bandpro/domain';

/*
 * What one pass over a part's MusicXML reads, before the measures of all parts are lined up. Positions are
 * exact fractions of a whole note from the start of the measure, taken from <duration> and <divisions>.
 */

export interface ReadNote {
  /** Concert pitch. */
  pitch: Pitch;
  tie: boolean;
}

export interface SlurEnd {
  type: 'start' | 'stop';
  number: string;
}

/** A note, a chord (notes joined by <chord/>) or a rest, as written. */
export interface NoteGroup {
  /** Document order within the part, for stable sorting. */
  order: number;
  staff: number;
  voice: string;
  start: Fraction;
  /** From <duration>; undefined when the note has none. */
  length: Fraction | undefined;
  /** One division: the file's timing resolution at this note. */
  unit: Fraction;
  type: string | undefined;
  dots: number;
  tuplet: Tuplet | undefined;
  rest: boolean;
  /** A whole-measure rest (<rest measure="yes"/>). */
  measureRest: boolean;
  notes: ReadNote[];
  articulations: Articulation[];
  lyrics: Lyric[];
  slurs: SlurEnd[];
  dynamics: DynamicValue[];
}

export type ReadMark =
  | { kind: 'dynamic'; staff: number; at: Fraction; value: DynamicValue }
  | { kind: 'wedge'; staff: number; at: Fraction; wedge: HairpinKind | 'stop'; number: string }
  | { kind: 'text'; staff: number; at: Fraction; text: string }
  | { kind: 'tempo'; at: Fraction; tempo: TempoMark }
  | { kind: 'rehearsal'; text: string }
  | { kind: 'harmony'; at: Fraction; symbol: ChordSymbol };

export interface ReadBarline {
  style: string | undefined;
  repeat: 'forward' | 'backward' | undefined;
  ending: { numbers: number[]; type: string } | undefined;
}

export interface ReadPartMeasure {
  number: string;
  /** Where the furthest cursor move ended: the measure's length in this part. */
  end: Fraction;
  /** The coarsest timing resolution used in this measure. */
  unit: Fraction;
  time: TimeSignature | undefined;
  /** Concert key. */
  key: KeySignature | undefined;
  /** Clefs at the start of the measure, by staff. */
  clefs: Map<number, Clef>;
  groups: NoteGroup[];
  marks: ReadMark[];
  left: ReadBarline | undefined;
  right: ReadBarline | undefined;
}

/** A part-list entry with what the instrument match needs. */
export interface ReadPartInfo {
  xmlId: string;
  name: string;
  abbreviation: string;
  instrumentNames: string[];
  soundIds: string[];
  midiPrograms: number[];
  midiChannels: number[];
  /** Score-instrument id → MIDI note (0-127) for unpitched percussion. */
  unpitched: Map<string, number>;
}

export interface ReadPart {
  info: ReadPartInfo;
  measures: ReadPartMeasure[];
  staves: number;
  /** Something in the part suggests a drum kit (unpitched notes, a percussion clef). */
  percussion: boolean;
  firstClef: Clef | undefined;
  transpose: Interval | null;
}
