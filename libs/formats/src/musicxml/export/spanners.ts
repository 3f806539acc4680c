import { compareF, entryOffsets, type Fraction, formatF, type HairpinKind, type Measure, type Part, lteF } from '@bandpro/domain';

/*
 * Slurs and hairpins become start/stop pairs tied together by a number (1-16). Numbers are handed out
 * per part in score order, the lowest one free, so overlapping spanners never share one; a spanner that
 * ends where the next begins passes its number on (the stop is written first).
 */

interface Position {
  measure: number;
  offset: Fraction;
}

const before = (a: Position, b: Position) => a.measure < b.measure || (a.measure === b.measure && lteF(a.offset, b.offset));

class Numbers {
  private active: { number: number; end: Position }[] = [];

  take(start: Position, end: Position): number | undefined {
    this.active = this.active.filter((a) => !before(a.end, start));
    const used = new Set(this.active.map((a) => a.number));
    for (let n = 1; n <= 16; n++) {
      if (used.has(n)) continue;
      this.active.push({ number: n, end });
      return n;
    }
    return undefined;
  }
}

export const noteKey = (measure: number, staff: number, voice: number, offset: Fraction) => `${measure}|${staff}|${voice}|${formatF(offset)}`;

export interface WedgeEvent {
  offset: Fraction;
  type: HairpinKind | 'stop';
  number: number;
}

export interface PartSpanners {
  slurStarts: Map<string, number[]>;
  slurStops: Map<string, number[]>;
  /** Wedge starts and stops by `${measure}|${staff}`. */
  wedges: Map<string, WedgeEvent[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

/** The offset of the last entry of a voice starting at or before `offset` (slurs join notes). */
function snap(measure: Measure | undefined, partId: string, staff: number, voice: number, offset: Fraction): Fraction | undefined {
  const entries = measure?.content[partId].staves[staff - 1].voices[voice - 1] ?? [];
  return entryOffsets(entries).filter((o) => lteF(o, offset)).pop();
}

export function partSpanners(measures: readonly Measure[], part: Part): PartSpanners {
  const index = new Map(measures.map((m, i) => [m.id, i]));
  const out: PartSpanners = { slurStarts: new Map(), slurStops: new Map(), wedges: new Map() };
  const slurs: { start: Position; end: Position; staff: number; voice: number }[] = [];
  const hairpins: { start: Position; end: Position; staff: number; kind: HairpinKind }[] = [];
  measures.forEach((m, i) => {
    m.content[part.id].staves.forEach((staff, s) => {
      for (const slur of staff.slurs) {
        const endMeasure = index.get(slur.end.measureId) ?? i;
        const from = snap(m, part.id, s + 1, slur.voice, slur.offset);
        const to = snap(measures[endMeasure], part.id, s + 1, slur.voice, slur.end.offset);
        // A slur whose notes have since moved is written between the notes now at its ends, if it still spans any.
        if (from && to && (endMeasure > i || (endMeasure === i && compareF(from, to) < 0))) slurs.push({ start: { measure: i, offset: from }, end: { measure: endMeasure, offset: to }, staff: s + 1, voice: slur.voice });
      }
      for (const h of staff.hairpins) hairpins.push({ start: { measure: i, offset: h.offset }, end: { measure: index.get(h.end.measureId) ?? i, offset: h.end.offset }, staff: s + 1, kind: h.kind });
    });
  });
  const byStart = <T extends { start: Position }>(list: T[]) => list.sort((a, b) => a.start.measure - b.start.measure || compareF(a.start.offset, b.start.offset));
  const slurNumbers = new Numbers();
  for (const s of byStart(slurs)) {
    const n = slurNumbers.take(s.start, s.end);
    if (n === undefined) continue;
    push(out.slurStarts, noteKey(s.start.measure, s.staff, s.voice, s.start.offset), n);
    push(out.slurStops, noteKey(s.end.measure, s.staff, s.voice, s.end.offset), n);
  }
  const wedgeNumbers = new Numbers();
  for (const h of byStart(hairpins)) {
    const n = wedgeNumbers.take(h.start, h.end);
    if (n === undefined) continue;
    push(out.wedges, `${h.start.measure}|${h.staff}`, { offset: h.start.offset, type: h.kind, number: n });
    push(out.wedges, `${h.end.measure}|${h.staff}`, { offset: h.end.offset, type: 'stop', number: n });
  }
  return out;
}
