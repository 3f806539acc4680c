import { beatLength, measureLength } from '../music/duration';
import { addF, divF, eqF, frac, fractionToNumber, isZeroF, lteF, ltF, maxF, minF, mulF, subF } from '../music/fraction';
import type { Fraction, Pitch, TimeSignature } from '../music/music.types';
import { pitchClassNumber } from '../music/pitch-class';
import { assertPitch } from '../music/pitch';
import { AnalysisInputMustBeValid } from './analysis-errors';

export interface MelodyNote {
  pitch: Pitch;
  /** From the start of its bar; an offset past the bar line counts into the following bars. */
  offset: Fraction;
  duration: Fraction;
  bar: number;
}

/** How often the harmony may change: once a bar, at each half of a bar of an even number of beats, or each beat. */
export type HarmonicRhythm = 'bar' | 'half-bar' | 'beat';

export interface SlotNote {
  pc: number;
  /** Where the note (or the part of it in this bar) starts in the bar. */
  start: Fraction;
  /** Time sounding in the slot, in whole notes, times how strongly its metric position makes it heard. */
  weight: number;
}

export interface MelodySlot {
  bar: number;
  offset: Fraction;
  /** What changing chord at this slot costs: nothing on a downbeat, a little mid-bar, more on a weak beat. */
  changeCost: number;
  notes: SlotNote[];
}

interface Piece {
  bar: number;
  start: Fraction;
  end: Fraction;
  pc: number;
  attacked: boolean;
}

const DOWNBEAT = 2;
const MIDDLE_BEAT = 1.5;
const BEAT = 1;
const OFF_BEAT = 0.75;
const HELD = 0.5;
const FINAL_NOTE = 2;
const MIDDLE_CHANGE_COST = 0.08;
const BEAT_CHANGE_COST = 0.12;

const isWholeMultiple = (x: Fraction, unit: Fraction): boolean => divF(x, unit).den === 1;

/** The middle of a bar of an even number of beats (beat 3 of 4/4), where the harmony changes second most often. */
function middleOf(ts: TimeSignature): Fraction | undefined {
  const beats = divF(measureLength(ts), beatLength(ts)).num;
  return beats % 2 === 0 ? mulF(beatLength(ts), frac(beats / 2)) : undefined;
}

function isMiddle(offset: Fraction, ts: TimeSignature): boolean {
  const middle = middleOf(ts);
  return middle !== undefined && eqF(offset, middle);
}

function metricWeight(offset: Fraction, ts: TimeSignature): number {
  if (isZeroF(offset)) return DOWNBEAT;
  if (isMiddle(offset, ts)) return MIDDLE_BEAT;
  return isWholeMultiple(offset, beatLength(ts)) ? BEAT : OFF_BEAT;
}

function slotStarts(ts: TimeSignature, per: HarmonicRhythm): Fraction[] {
  const middle = middleOf(ts);
  if (per === 'bar') return [frac(0)];
  if (per === 'half-bar') return middle ? [frac(0), middle] : [frac(0)];
  const beats = divF(measureLength(ts), beatLength(ts)).num;
  return Array.from({ length: beats }, (_, i) => mulF(beatLength(ts), frac(i)));
}

function assertNote(note: MelodyNote): void {
  const bad = (field: string, expected: string, value: unknown) => new AnalysisInputMustBeValid({ field, value, expected });
  assertPitch(note.pitch);
  if (!Number.isSafeInteger(note.bar)) throw bad('bar', 'an integer', note.bar);
  for (const field of ['offset', 'duration'] as const) {
    const f = note[field];
    if (!Number.isSafeInteger(f.num) || !Number.isSafeInteger(f.den) || f.den <= 0 || f.num < 0) {
      throw bad(field, 'a fraction >= 0', f);
    }
  }
}

/** Cuts a note at the bar lines it crosses; only its first piece is heard as an attack. */
function piecesOf(note: MelodyNote, timeAt: (bar: number) => TimeSignature): Piece[] {
  assertNote(note);
  const pieces: Piece[] = [];
  const pc = pitchClassNumber(note.pitch);
  let [bar, start, remaining] = [note.bar, note.offset, note.duration];
  while (!isZeroF(remaining)) {
    const length = measureLength(timeAt(bar));
    if (lteF(length, start)) {
      [bar, start] = [bar + 1, subF(start, length)];
      continue;
    }
    const end = minF(length, addF(start, remaining));
    pieces.push({ bar, start, end, pc, attacked: pieces.length === 0 });
    [bar, start, remaining] = [bar + 1, frac(0), subF(remaining, subF(end, start))];
  }
  return pieces;
}

function notesIn(pieces: readonly Piece[], from: Fraction, to: Fraction, ts: TimeSignature): SlotNote[] {
  return pieces.flatMap((p) => {
    const overlap = subF(minF(to, p.end), maxF(from, p.start));
    if (!ltF(frac(0), overlap)) return [];
    const attackedHere = p.attacked && lteF(from, p.start);
    return [{ pc: p.pc, start: p.start, weight: fractionToNumber(overlap) * (attackedHere ? metricWeight(p.start, ts) : HELD) }];
  });
}

function barSlots(bar: number, pieces: readonly Piece[], ts: TimeSignature, per: HarmonicRhythm): MelodySlot[] {
  const starts = slotStarts(ts, per);
  return starts.map((offset, i) => {
    const end = starts[i + 1] ?? measureLength(ts);
    const changeCost = isZeroF(offset) ? 0 : isMiddle(offset, ts) ? MIDDLE_CHANGE_COST : BEAT_CHANGE_COST;
    return { bar, offset, changeCost, notes: notesIn(pieces, offset, end, ts) };
  });
}

/**
 * The slots a harmonisation fills, from the first that has melody in it to the last; rests inside the
 * passage keep their slots (with no notes), so the harmony runs on through them.
 */
export function melodySlots(
  melody: readonly MelodyNote[],
  timeAt: (bar: number) => TimeSignature,
  per: HarmonicRhythm,
): MelodySlot[] {
  const byBar = new Map<number, Piece[]>();
  for (const piece of melody.flatMap((note) => piecesOf(note, timeAt))) {
    const pieces = byBar.get(piece.bar);
    if (pieces) pieces.push(piece);
    else byBar.set(piece.bar, [piece]);
  }
  if (byBar.size === 0) return [];
  const bars = [...byBar.keys()];
  const first = bars.reduce((a, b) => Math.min(a, b));
  const last = bars.reduce((a, b) => Math.max(a, b));
  const slots = Array.from({ length: last - first + 1 }, (_, i) => first + i).flatMap((bar) =>
    barSlots(bar, byBar.get(bar) ?? [], timeAt(bar), per),
  );
  const firstHeard = slots.findIndex((s) => s.notes.length > 0);
  const lastHeard = slots.length - 1 - [...slots].reverse().findIndex((s) => s.notes.length > 0);
  const heard = slots.slice(firstHeard, lastHeard + 1);
  heard[heard.length - 1] = withFinalNoteStressed(heard[heard.length - 1]);
  return heard;
}

/** The melody's last note is where the passage arrives, so the closing chord should hold it. */
function withFinalNoteStressed(slot: MelodySlot): MelodySlot {
  const latest = slot.notes.reduce((a, n) => maxF(a, n.start), frac(0));
  const notes = slot.notes.map((n) => (eqF(n.start, latest) ? { ...n, weight: n.weight * FINAL_NOTE } : n));
  return { ...slot, notes };
}
