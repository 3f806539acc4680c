import {
  formatChordSymbol,
  formatPitch,
  formatPitchClass,
  keyTonic,
  type ActiveScoreState,
  type ChordSymbol,
  type KeySignature,
  type Note,
  type Pitch,
  type ScoreState,
  type VoiceEntry,
} from '@bandpro/domain';
import { barNumberOf } from '../diff/bar-numbers';
import type { BarRange, Phrases, Where } from './phrases';

/** What describing one event needs: the language, and the score just before the event. */
export interface Context {
  t: Phrases;
  state: ActiveScoreState | null;
  /** Set when one sentence stands for the same edit in several bars. */
  bars?: BarRange;
}

export const contextOf = (t: Phrases, state: ScoreState, bars?: BarRange): Context => ({
  t,
  state: state.status === 'active' ? state : null,
  bars,
});

export const pitchText = (p: Pitch): string => formatPitch(p);
export const chordText = (c: ChordSymbol): string => formatChordSymbol(c);
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

export const pitchesOf = (entry: VoiceEntry): string[] => (entry.kind === 'chord' ? entry.notes.map((n) => pitchText(n.pitch)) : []);

export const describeEntry = (ctx: Context, entry: VoiceEntry): string => ctx.t.entry(entry, pitchesOf(entry));
