import type {
  ChordSymbol,
  Clef,
  Duration,
  DurationType,
  Fraction,
  KeySignature,
  Pitch,
  TimeSignature,
} from '../../music/music.types';

/**
 * The score document: plain JSON data (no classes, Maps or undefined values), so a state survives a JSON
 * round trip unchanged and evolve can share structure between versions. Optional things are `null`, never
 * absent, so that an edit and its inverse give back a deep-equal document.
 *
 * Pitches are stored at concert (sounding) pitch; a part's written pitches are derived from its instrument's
 * transposition. Key signatures are concert keys too.
 */

/** A client-chosen ULID or UUID, or `<id>:<n>` for the rests a command generates from one of its ids. */
export type ElementId = string;

export type StaffNumber = 1 | 2;
export type VoiceNumber = 1 | 2 | 3 | 4;

export interface ScoreInfo {
  title: string;
  subtitle: string;
  composer: string;
  arranger: string;
  copyright: string;
}

export interface Part {
  id: ElementId;
  name: string;
  abbreviation: string;
  instrumentId: string;
  staves: StaffNumber;
}

export type StartBarline = 'regular' | 'repeat-start';
export type EndBarline = 'regular' | 'double' | 'final' | 'repeat-end';

export interface TempoMark {
  bpm: number;
  beatUnit: { type: DurationType; dots: number };
  text: string | null;
}

/** A volta bracket over this measure; consecutive measures with the same numbers form one bracket. */
export interface Volta {
  numbers: number[];
}

/** A position in the score: a measure and an offset from its start, in whole notes. */
export interface ScorePosition {
  measureId: ElementId;
  offset: Fraction;
}

export interface Note {
  id: ElementId;
  pitch: Pitch;
  /** Tied to the note of the same pitch that follows in this voice. */
  tie: boolean;
}

export type Articulation = 'staccato' | 'accent' | 'tenuto' | 'marcato' | 'fermata';

export type Syllabic = 'single' | 'begin' | 'middle' | 'end';

export interface Lyric {
  verse: number;
  text: string;
  syllabic: Syllabic;
}

/** One or more notes sounding together: a single note is a chord of one. */
export interface ChordEntry {
  kind: 'chord';
  id: ElementId;
  duration: Duration;
  notes: Note[];
  articulations: Articulation[];
  /** Sorted by verse, at most one per verse. */
  lyrics: Lyric[];
}

export interface RestEntry {
  kind: 'rest';
  id: ElementId;
  duration: Duration;
}

export type VoiceEntry = ChordEntry | RestEntry;

export type DynamicValue = 'ppp' | 'pp' | 'p' | 'mp' | 'mf' | 'f' | 'ff' | 'fff' | 'sf' | 'sfz' | 'fp';

export interface DynamicMark {
  id: ElementId;
  offset: Fraction;
  value: DynamicValue;
}

export type HairpinKind = 'crescendo' | 'diminuendo';

/** Starts at `offset` of the measure that holds it and stops at `end` (exclusive). */
export interface Hairpin {
  id: ElementId;
  kind: HairpinKind;
  offset: Fraction;
  end: ScorePosition;
}

/** From the note at `offset` to the note at `end`, both in `voice`. */
export interface Slur {
  id: ElementId;
  voice: VoiceNumber;
  offset: Fraction;
  end: ScorePosition;
}

export interface TextExpression {
  id: ElementId;
  offset: Fraction;
  text: string;
}

export interface ChordSymbolMark {
  id: ElementId;
  offset: Fraction;
  symbol: ChordSymbol;
}

/**
 * One staff of one part in one measure. Each voice is a contiguous run of entries from the start of the
 * measure; an empty voice is a whole-measure rest. Marks are kept sorted by offset, then id.
 */
export interface StaffMeasure {
  /** A clef change at the start of this measure; null = the clef in force continues. */
  clef: Clef | null;
  /** Always four voices (index 0 = voice 1). */
  voices: VoiceEntry[][];
  dynamics: DynamicMark[];
  hairpins: Hairpin[];
  slurs: Slur[];
  texts: TextExpression[];
}

export interface PartMeasure {
  /** One per staff of the part. */
  staves: StaffMeasure[];
  chordSymbols: ChordSymbolMark[];
}

/**
 * A measure shared by all parts. Attributes are changes: null means "what is in force continues"
 * (the first measure always has a time and a key signature).
 */
export interface Measure {
  id: ElementId;
  timeSignature: TimeSignature | null;
  keySignature: KeySignature | null;
  /** The actual length of an irregular measure (a pickup); null = the time signature's length. */
  length: Fraction | null;
  tempo: TempoMark | null;
  startBarline: StartBarline;
  endBarline: EndBarline;
  volta: Volta | null;
  rehearsalMark: string | null;
  /** Every part's content, keyed by part id. */
  content: Record<ElementId, PartMeasure>;
}

/** The whole score document, as ImportScore takes it and ScoreImported / ScoreDiscarded carry it. */
export interface Score extends ScoreInfo {
  scoreId: ElementId;
  ownerId: string;
  createdAt: string;
  parts: Part[];
  measures: Measure[];
}
