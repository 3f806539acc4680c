import {
  addF,
  type ChordEntry,
  compareF,
  type Duration,
  type Fraction,
  ltF,
  restsForGap,
  sumDurations,
  subF,
  type VoiceEntry,
  ZERO,
} from '@bandpro/domain';
import { resolveDurations } from './durations';
import { type Frame, within } from './frames';
import type { NoteGroup } from './read.types';

export interface VoiceContext {
  frame: Frame;
  /** The first measure is a pickup: its rests fall on the beats of the end of a full bar. */
  pickup: boolean;
  skip(element: string, reason: string): void;
  warn(message: string): void;
}

export interface BuiltVoice {
  entries: VoiceEntry[];
  /** The group each entry came from (undefined for the rests that fill gaps). */
  owners: (NoteGroup | undefined)[];
  /** Where each group that was kept starts in the model. */
  placed: Map<NoteGroup, Fraction>;
}

/** A rest for the whole measure, however it is written: the model keeps it as an empty voice. */
function isMeasureRest(g: NoteGroup, frame: Frame): boolean {
  if (!g.rest || g.start.num !== 0) return false;
  if (g.measureRest) return true;
  const full = g.length !== undefined && within(g.length, frame.length, frame.unit);
  // A whole rest in 4/4 is an ordinary rest; in 3/4 it can only mean "rest all bar".
  return full && (g.type === undefined || (g.type === 'whole' && compareF(frame.length, { num: 1, den: 1 }) !== 0));
}

const MAX_ENTRIES = 256;

const element = (g: NoteGroup) => (g.rest ? 'rest' : 'note');

function entriesFor(g: NoteGroup, durations: Duration[]): VoiceEntry[] {
  return durations.map((duration, i): VoiceEntry => {
    if (g.rest) return { kind: 'rest', id: '', duration };
    const last = i === durations.length - 1;
    const chord: ChordEntry = {
      kind: 'chord',
      id: '',
      duration,
      notes: g.notes.slice(0, 16).map((n) => ({ id: '', pitch: n.pitch, tie: last ? n.tie : true })),
      articulations: i === 0 ? g.articulations.slice(0, 5) : [],
      lyrics: i === 0 ? [...g.lyrics].sort((a, b) => a.verse - b.verse) : [],
    };
    return chord;
  });
}

function fillGap(from: Fraction, to: Fraction, ctx: VoiceContext): VoiceEntry[] {
  const { frame } = ctx;
  try {
    const rests = restsForGap(from, subF(to, from), frame.ts, ctx.pickup && frame.irregular ? frame.irregular : undefined);
    return rests.map((duration) => ({ kind: 'rest', id: '', duration }));
  } catch {
    ctx.warn('A gap in a voice that no rests can fill was closed up: the notes after it start earlier.');
    return [];
  }
}

/**
 * Lays a voice's notes end to end from the start of the measure, as the model keeps voices: gaps become
 * rests, a note that overlaps the one before it or runs past the barline is reported and left out.
 */
export function buildVoice(groups: readonly NoteGroup[], ctx: VoiceContext): BuiltVoice {
  const { frame } = ctx;
  const placed = new Map<NoteGroup, Fraction>();
  const sorted = [...groups].sort((a, b) => compareF(a.start, b.start) || a.order - b.order);
  const content = sorted.filter((g) => !isMeasureRest(g, frame));
  const entries: VoiceEntry[] = [];
  const owners: (NoteGroup | undefined)[] = [];
  let cursor: Fraction = ZERO;
  for (const g of content) {
    if (!within(g.start, cursor, g.unit)) {
      if (ltF(g.start, cursor)) {
        ctx.skip(element(g), 'it overlaps the note before it in its voice');
        continue;
      }
      const rests = fillGap(cursor, g.start, ctx);
      entries.push(...rests);
      owners.push(...rests.map(() => undefined));
      cursor = addF(cursor, sumDurations(rests.map((r) => r.duration)));
    }
    const durations = resolveDurations(g);
    const length = sumDurations(durations);
    if (durations.length === 0 || ltF(frame.length, addF(cursor, length))) {
      ctx.skip(element(g), durations.length === 0 ? 'its duration cannot be written' : 'it runs past the end of the measure');
      continue;
    }
    if (durations.length > 1 && !g.rest) ctx.warn('A note no single note value can write was split into tied notes.');
    if (g.notes.length > 16) ctx.skip('note', 'a chord holds at most 16 notes');
    placed.set(g, cursor);
    const made = entriesFor(g, durations);
    entries.push(...made);
    owners.push(...made.map(() => g));
    cursor = addF(cursor, length);
  }
  if (entries.length > MAX_ENTRIES) ctx.skip('note', `a voice holds at most ${MAX_ENTRIES} notes and rests in a measure`);
  return { entries: entries.slice(0, MAX_ENTRIES), owners: owners.slice(0, MAX_ENTRIES), placed };
}

