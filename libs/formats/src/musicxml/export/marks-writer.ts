import { type ChordSymbol, compareF, durationToFraction, type Fraction, type Interval, type Measure, type PitchClass, subF, type TempoMark, ZERO } from '@bandpro/domain';
import { transposeSpelling } from '../spelling';
import { toDivisions } from './divisions';
import type { PartExport, ScoreExport } from './export-context';
import { el, leaf, type XmlNode } from './xml-writer';

interface MarkItem {
  offset: Fraction;
  /** At one offset: measure marks, wedge stops, dynamics, texts, wedge starts, chord symbols. */
  rank: number;
  node: XmlNode;
}

function direction(placement: 'above' | 'below', staff: number | undefined, types: XmlNode[], sound?: XmlNode): XmlNode {
  return el('direction', { placement }, ...types.map((t) => el('direction-type', {}, t)), staff !== undefined && leaf('staff', staff), sound);
}

function tempoNode(tempo: TempoMark): XmlNode {
  const quarters = durationToFraction({ type: tempo.beatUnit.type, dots: tempo.beatUnit.dots });
  const perQuarter = Math.round(((tempo.bpm * quarters.num * 4) / quarters.den) * 1000) / 1000;
  const metronome = el('metronome', {}, leaf('beat-unit', tempo.beatUnit.type), tempo.beatUnit.dots === 1 && el('beat-unit-dot'), leaf('per-minute', tempo.bpm));
  const types = tempo.text ? [leaf('words', tempo.text), metronome] : [metronome];
  return direction('above', undefined, types, el('sound', { tempo: perQuarter }));
}

/** Chord symbols of a transposing part are written like its notes. */
function written(pc: PitchClass, interval: Interval | null): { step: string; alter: number } {
  return interval ? transposeSpelling({ ...pc, octave: 4 }, interval) : pc;
}

function harmonyNode(symbol: ChordSymbol, interval: Interval | null): XmlNode {
  const root = written(symbol.root, interval);
  const bass = symbol.bass && written(symbol.bass, interval);
  return el(
    'harmony',
    {},
    el('root', {}, leaf('root-step', root.step), root.alter !== 0 && leaf('root-alter', root.alter)),
    leaf('kind', symbol.kind, { text: symbol.text }),
    bass && el('bass', {}, leaf('bass-step', bass.step), bass.alter !== 0 && leaf('bass-alter', bass.alter)),
  );
}

function staffItems(measure: Measure, index: number, px: PartExport): MarkItem[] {
  const items: MarkItem[] = [];
  const staffNumber = (s: number) => (px.part.staves > 1 ? s : undefined);
  measure.content[px.part.id].staves.forEach((staff, s) => {
    const n = staffNumber(s + 1);
    for (const w of px.spanners.wedges.get(`${index}|${s + 1}`) ?? []) {
      items.push({ offset: w.offset, rank: w.type === 'stop' ? 1 : 4, node: direction('below', n, [el('wedge', { type: w.type, number: w.number })]) });
    }
    for (const d of staff.dynamics) items.push({ offset: d.offset, rank: 2, node: direction('below', n, [el('dynamics', {}, el(d.value))]) });
    for (const t of staff.texts) items.push({ offset: t.offset, rank: 3, node: direction('above', n, [leaf('words', t.text)]) });
  });
  return items;
}

/**
 * The directions and chord symbols of one part in one measure, in time order from the start of the
 * measure, reached with <forward>. Returns the nodes and where the cursor ends.
 */
export function markNodes(measure: Measure, index: number, px: PartExport, sx: ScoreExport, interval: Interval | null): { nodes: XmlNode[]; end: Fraction } {
  const items = staffItems(measure, index, px);
  if (px.carriesMeasureMarks && measure.rehearsalMark) items.push({ offset: ZERO, rank: 0, node: direction('above', undefined, [leaf('rehearsal', measure.rehearsalMark)]) });
  if (px.carriesMeasureMarks && measure.tempo) items.push({ offset: ZERO, rank: 0, node: tempoNode(measure.tempo) });
  for (const c of measure.content[px.part.id].chordSymbols) items.push({ offset: c.offset, rank: 5, node: harmonyNode(c.symbol, interval) });
  items.sort((a, b) => compareF(a.offset, b.offset) || a.rank - b.rank);
  const nodes: XmlNode[] = [];
  let cursor: Fraction = ZERO;
  for (const item of items) {
    if (compareF(item.offset, cursor) > 0) {
      nodes.push(forward(subF(item.offset, cursor), sx.divisions));
      cursor = item.offset;
    }
    nodes.push(item.node);
  }
  return { nodes, end: cursor };
}

export function forward(length: Fraction, divisions: number): XmlNode {
  return el('forward', {}, leaf('duration', toDivisions(length, divisions)));
}

export function backup(length: Fraction, divisions: number): XmlNode {
  return el('backup', {}, leaf('duration', toDivisions(length, divisions)));
}
