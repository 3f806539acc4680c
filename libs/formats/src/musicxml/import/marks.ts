import { type ChordSymbol, type DynamicValue, eqF, type Fraction, type HairpinKind, lteF, ltF, minF, type PartMeasure, ZERO } from '@bandpro/domain';
import type { Placement } from './build-part';
import type { Frame } from './frames';
import type { ReadPart } from './read.types';
import { partLabel } from './report';
import type { ImportReport, Where } from './report';

/*
 * Marks at a position of a staff: dynamics, texts, chord symbols and hairpins. A mark at (or after) the
 * barline belongs to the next measure's first beat; a hairpin runs from its start to the wedge stop with
 * the same number, wherever that is.
 */

type StaffMark =
  | { kind: 'dynamic'; staff: number; at: Fraction; value: DynamicValue }
  | { kind: 'text'; staff: number; at: Fraction; text: string }
  | { kind: 'harmony'; staff: number; at: Fraction; symbol: ChordSymbol }
  | { kind: 'wedge'; staff: number; at: Fraction; wedge: HairpinKind | 'stop'; number: string };

interface OpenWedge {
  measure: number;
  staff: number;
  offset: Fraction;
  kind: HairpinKind;
}

interface MarkWalk {
  read: ReadPart;
  frames: readonly Frame[];
  content: PartMeasure[];
  measureIds: readonly string[];
  staves: number;
  report: ImportReport;
  open: Map<string, OpenWedge>;
}

function marksOf(walk: MarkWalk, i: number, placed: Map<unknown, Placement>): StaffMark[] {
  const read = walk.read.measures[i];
  if (!read) return [];
  const marks: StaffMark[] = [];
  for (const m of read.marks) {
    if (m.kind === 'tempo' || m.kind === 'rehearsal') continue;
    marks.push(m.kind === 'harmony' ? { ...m, staff: 1 } : m);
  }
  for (const g of read.groups) {
    const at = placed.get(g);
    for (const value of g.dynamics) marks.push({ kind: 'dynamic', staff: at?.staff ?? g.staff, at: at?.offset ?? g.start, value });
  }
  return marks;
}

function closeWedge(walk: MarkWalk, i: number, m: Extract<StaffMark, { kind: 'wedge' }>, where: Where): void {
  const start = walk.open.get(m.number);
  if (!start) return;
  walk.open.delete(m.number);
  const offset = minF(m.at, walk.frames[i].length);
  if (i === start.measure && lteF(offset, start.offset)) {
    walk.report.skip('wedge', 'it ends where it starts', where);
    return;
  }
  const staff = walk.content[start.measure].staves[start.staff - 1];
  staff.hairpins.push({ id: '', kind: start.kind, offset: start.offset, end: { measureId: walk.measureIds[i], offset } });
}

function place(walk: MarkWalk, i: number, m: StaffMark, where: Where): void {
  const staff = Math.min(Math.max(1, m.staff), walk.staves);
  const target = walk.content[i].staves[staff - 1];
  const { at } = m;
  switch (m.kind) {
    case 'dynamic':
      if (!target.dynamics.some((d) => d.value === m.value && eqF(d.offset, at))) target.dynamics.push({ id: '', offset: at, value: m.value });
      return;
    case 'text':
      target.texts.push({ id: '', offset: at, text: m.text });
      return;
    case 'harmony':
      walk.content[i].chordSymbols.push({ id: '', offset: at, symbol: m.symbol });
      return;
    case 'wedge':
      if (m.wedge === 'stop') closeWedge(walk, i, m, where);
      else {
        if (walk.open.has(m.number)) walk.report.skip('wedge', 'it never ends', where);
        walk.open.set(m.number, { measure: i, staff, offset: at, kind: m.wedge });
      }
  }
}

export function placeMarks(walk: Omit<MarkWalk, 'open'>, placed: Map<unknown, Placement>): void {
  const state: MarkWalk = { ...walk, open: new Map() };
  let carried: StaffMark[] = [];
  walk.frames.forEach((frame, i) => {
    const where = { bar: frame.number, part: partLabel(walk.read.info) };
    const next: StaffMark[] = [];
    for (const m of [...carried, ...marksOf(state, i, placed)]) {
      // Wedge stops may sit on the barline; everything else there belongs to the next measure.
      if (m.kind === 'wedge' && m.wedge === 'stop') place(state, i, m, where);
      else if (ltF(m.at, frame.length)) place(state, i, m, where);
      else if (i + 1 < walk.frames.length) next.push({ ...m, at: ZERO });
      else walk.report.skip(m.kind === 'harmony' ? 'harmony' : m.kind === 'wedge' ? 'wedge' : m.kind === 'dynamic' ? 'dynamics' : 'words', 'it stands after the last barline', where);
    }
    carried = next;
  });
  for (const open of state.open.values()) walk.report.skip('wedge', 'it never ends', { bar: walk.frames[open.measure].number, part: partLabel(walk.read.info) });
}
