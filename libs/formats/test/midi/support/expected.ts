import {
  addF,
  durationToFraction,
  eqF,
  measureLengthAt,
  pitchToMidi,
  stateFromScore,
  type Fraction,
  type Score,
} from '@bandpro/domain';
import { byTimeThenPitch, type ReadNote } from './read-back';

/**
 * The test's own reading of a score, written independently of the exporter: walk the measures in the order
 * the test says they are played, put every chord's notes where the score puts them, and join each tied note
 * with the note of the same pitch in the next entry of its voice when that starts right where it ends.
 */
export interface Expectation {
  /** Measure indices in playing order, repeats written out by hand (default: each measure once). */
  order?: number[];
  ppq?: number;
  /** Velocity of a note that starts in this measure at this offset (default mf = 80). */
  velocity?: (measureIndex: number, offset: Fraction) => number;
}

interface Item {
  start: Fraction;
  end: Fraction;
  measureIndex: number;
  offset: Fraction;
  notes: { midi: number; tie: boolean }[];
}

const ticks = (at: Fraction, ppq: number): number => Math.round((at.num / at.den) * 4 * ppq);

export function expectedNotes(score: Score, partId: string, how: Expectation = {}): ReadNote[] {
  const state = stateFromScore(score);
  const order = how.order ?? score.measures.map((_, i) => i);
  const ppq = how.ppq ?? 480;
  const velocity = how.velocity ?? (() => 80);
  const starts: Fraction[] = [];
  order.reduce((at, index) => {
    starts.push(at);
    return addF(at, measureLengthAt(state, index));
  }, { num: 0, den: 1 } as Fraction);
  const part = score.parts.find((p) => p.id === partId);
  if (!part) throw new Error(`no part ${partId}`);
  const notes: ReadNote[] = [];
  for (let staff = 0; staff < part.staves; staff++) {
    for (let voice = 0; voice < 4; voice++) {
      const items = voiceItems(score, partId, staff, voice, order, starts);
      notes.push(...joinTies(items, ppq, velocity));
    }
  }
  return notes.sort(byTimeThenPitch);
}

function voiceItems(score: Score, partId: string, staff: number, voice: number, order: number[], starts: Fraction[]): Item[] {
  const items: Item[] = [];
  order.forEach((measureIndex, k) => {
    let offset: Fraction = { num: 0, den: 1 };
    for (const entry of score.measures[measureIndex].content[partId].staves[staff].voices[voice]) {
      const start = addF(starts[k], offset);
      const length = durationToFraction(entry.duration);
      const notes = entry.kind === 'chord' ? entry.notes.map((n) => ({ midi: pitchToMidi(n.pitch), tie: n.tie })) : [];
      items.push({ start, end: addF(start, length), measureIndex, offset, notes });
      offset = addF(offset, length);
    }
  });
  return items;
}

function joinTies(items: Item[], ppq: number, velocity: NonNullable<Expectation['velocity']>): ReadNote[] {
  const continued = new Set<string>();
  const out: ReadNote[] = [];
  items.forEach((item, i) => {
    for (const note of item.notes) {
      if (continued.has(`${i}:${note.midi}`)) continue;
      let end = item.end;
      let j = i;
      let tie = note.tie;
      while (tie && j + 1 < items.length && eqF(items[j + 1].start, end) && items[j + 1].notes.some((n) => n.midi === note.midi)) {
        j++;
        continued.add(`${j}:${note.midi}`);
        end = items[j].end;
        tie = items[j].notes.some((n) => n.midi === note.midi && n.tie);
      }
      const from = ticks(item.start, ppq);
      out.push({ midi: note.midi, ticks: from, durationTicks: ticks(end, ppq) - from, velocity: velocity(item.measureIndex, item.offset) });
    }
  });
  return out;
}
