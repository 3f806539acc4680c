import type {
  ChordSymbolMark,
  DynamicMark,
  Hairpin,
  Part,
  Slur,
  StaffNumber,
  TextExpression,
  VoiceEntry,
  VoiceNumber,
} from '@bandpro/domain';

/** One value that differs, as it was and as it is. */
export interface FieldChange<F extends string = string> {
  field: F;
  before: unknown;
  after: unknown;
}

export type InfoField = 'title' | 'subtitle' | 'composer' | 'arranger' | 'copyright' | 'scoreId' | 'ownerId' | 'createdAt';
export type PartField = 'name' | 'abbreviation' | 'instrumentId' | 'staves' | 'position';

export interface PartsDiff {
  added: Part[];
  removed: Part[];
  changed: { partId: string; changes: FieldChange<PartField>[] }[];
}

/** A measure that exists on one side only, numbered as it is on that side. */
export interface MeasureRef {
  measureId: string;
  bar: number;
}

export type MeasureField =
  | 'timeSignature'
  | 'keySignature'
  | 'length'
  | 'tempo'
  | 'startBarline'
  | 'endBarline'
  | 'volta'
  | 'rehearsalMark'
  | 'clef';

/** A clef belongs to one staff of one part; the other attributes to the whole measure (partId/staff null). */
export interface MeasureAttributeChange extends FieldChange<MeasureField> {
  partId: string | null;
  staff: StaffNumber | null;
}

export interface MeasuresDiff {
  /** Numbered in `after`. */
  added: MeasureRef[];
  /** Numbered in `before`. */
  removed: MeasureRef[];
  /** Numbered in `after`. */
  changed: { measureId: string; bar: number; changes: MeasureAttributeChange[] }[];
}

export type EntryField = 'kind' | 'duration' | 'offset' | 'articulations' | 'lyrics' | 'note' | 'pitch' | 'tie';

/** `noteId` names the note of a chord for note, pitch and tie changes (a note added or removed: null on one side). */
export interface EntryFieldChange extends FieldChange<EntryField> {
  noteId: string | null;
}

export interface EntryChange {
  entryId: string;
  before: VoiceEntry;
  after: VoiceEntry;
  changes: EntryFieldChange[];
}

/** Entries of one voice, compared by id, in a measure both sides have. */
export interface VoiceDiff {
  partId: string;
  staff: StaffNumber;
  measureId: string;
  voice: VoiceNumber;
  added: VoiceEntry[];
  removed: VoiceEntry[];
  changed: EntryChange[];
}

export interface MarkKinds {
  dynamic: DynamicMark;
  hairpin: Hairpin;
  slur: Slur;
  text: TextExpression;
  chordSymbol: ChordSymbolMark;
}
export type MarkKind = keyof MarkKinds;

/** Marks of one kind in one staff (chord symbols: one part, staff null), compared by id. */
export interface MarksDiff<K extends MarkKind = MarkKind> {
  partId: string;
  staff: StaffNumber | null;
  measureId: string;
  kind: K;
  added: MarkKinds[K][];
  removed: MarkKinds[K][];
  changed: { id: string; before: MarkKinds[K]; after: MarkKinds[K] }[];
}

/** A bar of one part that differs: numbered in `after`, or in `before` when it exists only there. */
export interface DiffBar {
  partId: string;
  measureId: string;
  bar: number;
}

export interface ScoreDiff {
  /** `status` when one side is the empty state (no score). */
  info: FieldChange<InfoField | 'status'>[];
  parts: PartsDiff;
  measures: MeasuresDiff;
  notes: VoiceDiff[];
  marks: MarksDiff[];
  bars: DiffBar[];
  empty: boolean;
}
