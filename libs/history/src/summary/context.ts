import {
  formatChordSymbol,
  formatPitch,
  formatPitchClass,
  getInstrument,
  keyTonic,
  negateInterval,
  transposeChordSymbol,
  transposePitch,
  type ActiveScoreState,
  type ChordSymbol,
  type Interval,
  type KeySignature,
  type Note,
  type Pitch,
  type ScoreState,
  type VoiceEntry,
} from '@bandpro/domain';
import { barNumberOf } from '../diff/bar-numbers';
import type { BarRange, Phrases, Where } from './phrases';

/** How the reader reads: the language, and pitches as they sound (concert) or as each part is written. */
export interface Reading {
  t: Phrases;
  written: boolean;
}

/** What describing one event needs: the reading, and the score just before the event. */
export interface Context extends Reading {
  state: ActiveScoreState | null;
  /** Set when one sentence stands for the same edit in several bars. */
  bars?: BarRange;
}

export const contextOf = (reading: Reading, state: ScoreState, bars?: BarRange): Context => ({
  ...reading,
  state: state.status === 'active' ? state : null,
  bars,
});

/** The interval from concert to written pitch for this part, when the reader wants written pitch and it differs. */
function toWritten(ctx: Context, partId: string): Interval | null {
  const part = ctx.written ? ctx.state?.parts.find((p) => p.id === partId) : undefined;
  const shift = part && getInstrument(part.instrumentId)?.transposition;
  return shift && (shift.chromatic !== 0 || shift.diatonic !== 0) ? negateInterval(shift) : null;
}

export function pitchText(ctx: Context, partId: string, p: Pitch): string {
  const shift = toWritten(ctx, partId);
  return formatPitch(shift ? transposePitch(p, shift) : p);
}

export function chordText(ctx: Context, partId: string, c: ChordSymbol): string {
  const shift = toWritten(ctx, partId);
  return formatChordSymbol(shift ? transposeChordSymbol(c, shift) : c);
}

export const tonicText = (k: KeySignature): string => formatPitchClass(keyTonic(k));

export function partName(ctx: Context, partId: string): string | null {
  return ctx.state?.parts.find((p) => p.id === partId)?.name ?? null;
}

export function barOf(ctx: Context, measureId: string): number | null {
  return ctx.state === null ? null : barNumberOf(ctx.state, measureId);
}

/** A bar, and the part when the change belongs to one. */
export function whereOf(ctx: Context, measureId: string, partId: string | null = null): Where {
  const bar = barOf(ctx, measureId);
  const bars = ctx.bars ?? (bar === null ? null : { from: bar, to: bar });
  return { bars, part: partId === null ? null : partName(ctx, partId) };
}

interface EntryAddress {
  partId: string;
  staff: number;
  measureId: string;
  voice: number;
  entryId: string;
}

export function entryAt(ctx: Context, a: EntryAddress): VoiceEntry | undefined {
  const index = ctx.state?.measureIndex[a.measureId];
  if (ctx.state === null || index === undefined) return undefined;
  const voice = ctx.state.measures[index].content[a.partId]?.staves[a.staff - 1]?.voices[a.voice - 1];
  return voice?.find((e) => e.id === a.entryId);
}

export function noteAt(ctx: Context, a: EntryAddress, noteId: string): Note | undefined {
  const entry = entryAt(ctx, a);
  return entry?.kind === 'chord' ? entry.notes.find((n) => n.id === noteId) : undefined;
}

export function describeEntry(ctx: Context, partId: string, entry: VoiceEntry): string {
  return ctx.t.entry(entry, entry.kind === 'chord' ? entry.notes.map((n) => pitchText(ctx, partId, n.pitch)) : []);
}
