import { validateKeySignature } from '../music/key-signature';
import type { ChordSymbol, Fraction, KeySignature, TimeSignature } from '../music/music.types';
import { type HarmonyCandidate, keyHarmony } from './harmony-candidates';
import { type HarmonicRhythm, type MelodyNote, type MelodySlot, melodySlots } from './melody-slots';
import { progressionScore } from './progression';

export interface SuggestChordsOptions {
  key: KeySignature;
  /** One meter for the passage, or the meter of each bar. */
  timeSignature: TimeSignature | ((bar: number) => TimeSignature);
  per: HarmonicRhythm;
}

export interface ChordSuggestion {
  bar: number;
  offset: Fraction;
  chord: ChordSymbol;
  /** The weighted share of the slot's melody that is a chord tone, 0..1; 0 in a slot where the melody rests. */
  score: number;
}

/** A melody note from outside the key clashes hard with a chord that lacks it, so it weighs double. */
const CHROMATIC_STRESS = 2;

/** Weighted chord-tone coverage: strong-beat notes weigh more, so passing notes on weak beats matter less. */
function fit(slot: MelodySlot, candidate: HarmonyCandidate, scale: ReadonlySet<number>): number {
  const weight = (pc: number, w: number): number => (scale.has(pc) ? w : w * CHROMATIC_STRESS);
  const total = slot.notes.reduce((sum, n) => sum + weight(n.pc, n.weight), 0);
  if (total === 0) return 0;
  return slot.notes.reduce((sum, n) => sum + (candidate.tones.has(n.pc) ? weight(n.pc, n.weight) : 0), 0) / total;
}

/** A chord with notes from outside the key needs the melody to sound one of them in the slot. */
const isOffered = (slot: MelodySlot, candidate: HarmonyCandidate): boolean =>
  candidate.chromatic.size === 0 || slot.notes.some((n) => candidate.chromatic.has(n.pc));

const argmax = (xs: readonly number[]): number => xs.reduce((best, x, i) => (x > xs[best] ? i : best), 0);

/**
 * Viterbi over the slots: each chord's fit plus the progression preferences, maximised over the whole passage.
 * Strict comparisons keep the earliest candidate on a tie, so the answer is deterministic.
 */
function bestPath(slots: readonly MelodySlot[], candidates: readonly HarmonyCandidate[], fits: number[][]): number[] {
  const place = (i: number) => ({ first: i === 0, last: i === slots.length - 1, changeCost: slots[i].changeCost });
  const gain = (i: number, j: number): number => (isOffered(slots[i], candidates[j]) ? fits[i][j] : -Infinity);
  // Slots differ only in where they sit, so each kind of place needs its table of moves worked out once.
  const tables = new Map<string, number[][]>();
  const movesAt = (i: number): number[][] => {
    const id = JSON.stringify(place(i));
    if (!tables.has(id)) tables.set(id, candidates.map((prev) => candidates.map((next) => progressionScore(prev, next, place(i)))));
    return tables.get(id) as number[][];
  };
  let totals = candidates.map((c, j) => gain(0, j) + progressionScore(undefined, c, place(0)));
  const back: number[][] = [];
  for (let i = 1; i < slots.length; i++) {
    const moves = movesAt(i);
    const steps = candidates.map((_, j) => {
      const via = totals.map((total, k) => total + moves[k][j]);
      const from = argmax(via);
      return { from, total: via[from] + gain(i, j) };
    });
    back.push(steps.map((s) => s.from));
    totals = steps.map((s) => s.total);
  }
  const path = [argmax(totals)];
  for (let i = back.length - 1; i >= 0; i--) path.unshift(back[i][path[0]]);
  return path;
}

/**
 * Harmonises a melody in a key: one chord per bar, half bar or beat, chosen among the key's triads, sevenths
 * and secondary dominants by how much of the melody they contain, nudged towards common progressions (a tonic
 * first and last, V–I at the end). An empty melody gets no chords.
 */
export function suggestChords(melody: readonly MelodyNote[], options: SuggestChordsOptions): ChordSuggestion[] {
  validateKeySignature(options.key);
  const { timeSignature } = options;
  const timeAt = typeof timeSignature === 'function' ? timeSignature : () => timeSignature;
  const slots = melodySlots(melody, timeAt, options.per);
  if (slots.length === 0) return [];
  const { scale, candidates } = keyHarmony(options.key);
  const fits = slots.map((slot) => candidates.map((c) => fit(slot, c, scale)));
  return bestPath(slots, candidates, fits).map((j, i) => ({
    bar: slots[i].bar,
    offset: slots[i].offset,
    chord: candidates[j].chord,
    score: fits[i][j],
  }));
}
