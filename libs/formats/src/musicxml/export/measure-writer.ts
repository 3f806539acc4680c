import {
  type Clef,
  clefAt,
  compareF,
  contentEnd,
  durationToFraction,
  type Fraction,
  type Interval,
  type KeySignature,
  type Measure,
  maxF,
  measureLengthAt,
  subF,
  transposeKeyAndInterval,
  type Volta,
  ZERO,
} from '@bandpro/domain';
import { toDivisions } from './divisions';
import type { PartExport, ScoreExport } from './export-context';
import { backup, forward, markNodes } from './marks-writer';
import { measureRestNode, voiceNodes } from './voice-writer';
import { el, leaf, type XmlNode } from './xml-writer';

/**
 * How a transposing part writes the measure: its key and the interval its notes move by. A written key
 * past seven sharps or flats is respelt (G♯ major → A♭ major) and the notes with it, as players expect.
 */
export function writtenKey(i: number, px: PartExport, sx: ScoreExport): { key: KeySignature; interval: Interval | null } {
  if (!px.toWritten) return { key: sx.keys[i], interval: null };
  return transposeKeyAndInterval(sx.keys[i], px.toWritten);
}

function keyNode(i: number, px: PartExport, sx: ScoreExport): XmlNode {
  const { key } = writtenKey(i, px, sx);
  return el('key', {}, leaf('fifths', key.fifths), leaf('mode', key.mode));
}

function clefNode(clef: Clef, staff: number, px: PartExport): XmlNode {
  return el('clef', { number: px.part.staves > 1 ? staff : undefined }, leaf('sign', clef.sign), leaf('line', clef.line), clef.octaveChange && leaf('clef-octave-change', clef.octaveChange));
}

function transposeNode(px: PartExport): XmlNode | undefined {
  const t = px.instrument.transposition;
  if (t.diatonic === 0 && t.chromatic === 0) return undefined;
  const octaves = Math.trunc(t.diatonic / 7);
  return el('transpose', {}, leaf('diatonic', t.diatonic - 7 * octaves), leaf('chromatic', t.chromatic - 12 * octaves), octaves !== 0 && leaf('octave-change', octaves));
}

function attributesNode(i: number, px: PartExport, sx: ScoreExport): XmlNode | undefined {
  const m = sx.state.measures[i];
  const first = i === 0;
  const key = first || m.keySignature !== null;
  const time = m.timeSignature;
  const clefs = Array.from({ length: px.part.staves }, (_, s) => (first ? clefAt(sx.state, px.part, s + 1, 0) : m.content[px.part.id].staves[s].clef));
  const children = [
    first && leaf('divisions', sx.divisions),
    key && keyNode(i, px, sx),
    time && el('time', {}, leaf('beats', time.beats), leaf('beat-type', time.beatType)),
    first && px.part.staves > 1 && leaf('staves', px.part.staves),
    ...clefs.map((c, s) => c && clefNode(c, s + 1, px)),
    first && transposeNode(px),
  ];
  return children.some((c) => c) ? el('attributes', {}, ...children) : undefined;
}

const sameVolta = (a: Volta | null | undefined, b: Volta | null | undefined) => (a?.numbers.join(',') ?? '') === (b?.numbers.join(',') ?? '');

function endingNode(volta: Volta, type: string): XmlNode {
  return el('ending', { number: volta.numbers.join(', '), type }, `${volta.numbers.join(', ')}.`);
}

function leftBarline(m: Measure, prev: Measure | undefined): XmlNode | undefined {
  const repeat = m.startBarline === 'repeat-start';
  const volta = m.volta && !sameVolta(m.volta, prev?.volta) ? m.volta : null;
  if (!repeat && !volta) return undefined;
  return el('barline', { location: 'left' }, repeat && leaf('bar-style', 'heavy-light'), volta && endingNode(volta, 'start'), repeat && el('repeat', { direction: 'forward' }));
}

function rightBarline(m: Measure, next: Measure | undefined): XmlNode | undefined {
  const style = { regular: undefined, double: 'light-light', final: 'light-heavy', 'repeat-end': 'light-heavy' }[m.endBarline];
  const repeat = m.endBarline === 'repeat-end';
  const volta = m.volta && !sameVolta(m.volta, next?.volta) ? m.volta : null;
  if (!style && !volta) return undefined;
  return el('barline', { location: 'right' }, style && leaf('bar-style', style), volta && endingNode(volta, repeat ? 'stop' : 'discontinue'), repeat && el('repeat', { direction: 'backward' }));
}

/** Every voice of every staff one after the other, each from the start of the measure. */
function voiceStreams(i: number, length: Fraction, px: PartExport, sx: ScoreExport): { nodes: XmlNode[]; cursor: Fraction; reached: Fraction } {
  const nodes: XmlNode[] = [];
  let cursor: Fraction = ZERO;
  let reached: Fraction = ZERO;
  sx.state.measures[i].content[px.part.id].staves.forEach((staff, s) => {
    staff.voices.forEach((entries, v) => {
      if (entries.length === 0 && v > 0) return;
      if (cursor.num > 0) nodes.push(backup(cursor, sx.divisions));
      if (entries.length === 0) {
        nodes.push(measureRestNode(toDivisions(length, sx.divisions), s + 1, px));
        cursor = length;
      } else {
        const durations = entries.map((e) => toDivisions(durationToFraction(e.duration), sx.divisions));
        const { interval } = writtenKey(i, px, sx);
        nodes.push(...voiceNodes(entries, { measure: i, staff: s + 1, voice: v + 1, durations, interval }, px));
        cursor = contentEnd(entries);
      }
      reached = maxF(reached, cursor);
    });
  });
  return { nodes, cursor, reached };
}

export function measureNode(i: number, px: PartExport, sx: ScoreExport): XmlNode {
  const measures = sx.state.measures;
  const m = measures[i];
  const length = measureLengthAt(sx.state, i);
  const streams = voiceStreams(i, length, px, sx);
  const marks = markNodes(m, i, px, sx, writtenKey(i, px, sx).interval);
  let cursor = streams.cursor;
  const body = [...streams.nodes];
  if (marks.nodes.length > 0) {
    if (cursor.num > 0) body.push(backup(cursor, sx.divisions));
    body.push(...marks.nodes);
    cursor = marks.end;
  }
  // The measure is as long as the furthest position reached: a voice that ends early must not shorten it.
  if (compareF(maxF(streams.reached, marks.end), length) < 0) body.push(forward(subF(length, cursor), sx.divisions));
  const pickup = i === 0 && m.length !== null;
  return el(
    'measure',
    { number: String(pickup ? 0 : i + (measures[0].length !== null ? 0 : 1)), implicit: pickup ? 'yes' : undefined },
    leftBarline(m, measures[i - 1]),
    attributesNode(i, px, sx),
    ...body,
    rightBarline(m, measures[i + 1]),
  );
}
