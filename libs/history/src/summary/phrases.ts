import type {
  Articulation,
  Clef,
  Duration,
  EndBarline,
  HairpinKind,
  Interval,
  KeySignature,
  ScoreInfo,
  StartBarline,
  TempoMark,
  VoiceEntry,
} from '@bandpro/domain';

export type Locale = 'en' | 'zh-Hant';

/** A range of bars, first to last (equal for one bar). */
export interface BarRange {
  from: number;
  to: number;
}

/** Where a change happened: its bars (null when they cannot be found) and the part's name (null: every part). */
export interface Where {
  bars: BarRange | null;
  part: string | null;
}

export type Noun =
  | 'timeSignature'
  | 'keySignature'
  | 'clef'
  | 'tempo'
  | 'length'
  | 'volta'
  | 'rehearsalMark'
  | 'dynamic'
  | 'chordSymbol'
  | 'duration'
  | 'startBarline'
  | 'endBarline';

/**
 * Everything a summary says, in one language. Sentences are predicates without their subject; `sentence`
 * puts the actor in front. Values (pitches, chord symbols) arrive already spelt.
 */
export interface Phrases {
  sentence(actor: string, predicate: string): string;
  quote(text: string): string;
  where(where: Where): string;

  noun(noun: Noun): string;
  duration(duration: Duration): string;
  entry(entry: VoiceEntry, pitches: string[]): string;
  entries(count: number): string;
  interval(interval: Interval): string;
  clef(clef: Clef): string;
  key(key: KeySignature, tonic: string): string;
  tempo(tempo: TempoMark): string;
  barline(style: StartBarline | EndBarline): string;
  fullBar(): string;
  articulation(articulation: Articulation): string;
  hairpin(kind: HairpinKind): string;
  slur(): string;
  tie(pitch: string): string;
  /** A note added to a chord, and one taken from it. */
  chordNoteAdded(pitch: string): string;
  chordNoteRemoved(pitch: string): string;
  dynamic(value: string): string;
  chordSymbol(symbol: string): string;
  text(text: string): string;
  lyric(text: string): string;
  lyricOfVerse(verse: number): string;
  volta(numbers: number[]): string;
  rehearsalMark(text: string): string;
  trailingRests(count: number): string;

  wrote(what: string, where: Where): string;
  added(what: string, where: Where): string;
  removed(what: string, where: Where): string;
  /** A note or rest taken out of the music (a mark is removed). */
  deleted(what: string, where: Where): string;
  restored(what: string, where: Where): string;
  changed(what: string | null, from: string, to: string, where: Where): string;
  set(what: string, value: string, where: Where): string;
  /** An attribute that holds from this bar on (time and key signature, clef, tempo). */
  setFrom(what: string, value: string, where: Where): string;
  /** An attribute change taken away: what was in force before continues. */
  cleared(what: string, where: Where): string;

  created(title: string): string;
  imported(): string;
  discarded(): string;
  info(changes: [keyof ScoreInfo, string][]): string;
  partAdded(name: string): string;
  partRemoved(name: string): string;
  partMoved(name: string, position: number): string;
  partRenamed(from: string, to: string): string;
  instrumentChanged(part: string, instrument: string): string;
  barsInserted(count: number, afterBar: number | null): string;
  barsDeleted(bars: BarRange): string;
  transposed(bars: BarRange, interval: Interval, parts: string | null): string;
  aggregate(count: number, bars: BarRange | null, part: string | null): string;
  generic(): string;
  undid(summary: string): string;
  redid(summary: string): string;
}
