import type { EndBarline, Measure, TempoMark } from '@bandpro/domain';
import type { ReadBarline, ReadPart, ReadPartMeasure } from './read.types';
import type { ImportReport } from './report';

/*
 * What belongs to the measure rather than to a part: tempo, rehearsal mark, barlines and volta brackets.
 * The first part that says something decides; a different tempo elsewhere in the measure is reported.
 */

const MAX_REHEARSAL = 20;

const sameTempo = (a: TempoMark, b: TempoMark) =>
  a.bpm === b.bpm && a.beatUnit.type === b.beatUnit.type && a.beatUnit.dots === b.beatUnit.dots && (a.text === b.text || a.text === null || b.text === null);

function tempoOf(reads: ReadPartMeasure[], measure: Measure, report: ImportReport): void {
  for (const mark of reads.flatMap((r) => r.marks)) {
    if (mark.kind !== 'tempo') continue;
    if (measure.tempo === null) measure.tempo = mark.tempo;
    else if (!sameTempo(measure.tempo, mark.tempo)) report.skip('tempo', 'the model keeps one tempo per measure', { bar: reads[0].number });
  }
}

function rehearsalOf(reads: ReadPartMeasure[], measure: Measure, report: ImportReport): void {
  const mark = reads.flatMap((r) => r.marks).find((m) => m.kind === 'rehearsal');
  if (mark?.kind !== 'rehearsal') return;
  if (mark.text.length > MAX_REHEARSAL) report.warn(`Rehearsal marks longer than ${MAX_REHEARSAL} characters were shortened.`, { bar: reads[0].number });
  measure.rehearsalMark = mark.text.slice(0, MAX_REHEARSAL);
}

function endOf(right: ReadBarline | undefined): EndBarline {
  if (right?.repeat === 'backward') return 'repeat-end';
  if (right?.style === 'light-heavy') return 'final';
  return right?.style === 'light-light' || right?.style === 'heavy-heavy' || right?.style === 'heavy-light' ? 'double' : 'regular';
}

function barlinesOf(reads: ReadPartMeasure[], measures: Measure[], i: number): void {
  const left = reads.find((r) => r.left)?.left;
  const right = reads.find((r) => r.right)?.right;
  const measure = measures[i];
  measure.endBarline = endOf(right);
  if (left?.repeat === 'forward') measure.startBarline = 'repeat-start';
  // A double bar written at the start of a measure is the end of the one before.
  const before = measures[i - 1];
  if (before && before.endBarline === 'regular' && left?.repeat === undefined && (left?.style === 'light-light' || left?.style === 'heavy-light')) before.endBarline = 'double';
  if (right?.repeat === 'forward' && measures[i + 1]) measures[i + 1].startBarline = 'repeat-start';
}

function voltas(parts: readonly ReadPart[], measures: Measure[]): void {
  let open: number[] | undefined;
  measures.forEach((measure, i) => {
    const reads = parts.map((p) => p.measures[i]).filter((r): r is ReadPartMeasure => r !== undefined);
    const start = reads.find((r) => r.left?.ending?.type === 'start' && r.left.ending.numbers.length > 0)?.left?.ending;
    if (start) open = [...new Set(start.numbers)].sort((a, b) => a - b).slice(0, 10);
    measure.volta = open ? { numbers: open } : null;
    const stop = reads.some((r) => [r.left?.ending?.type, r.right?.ending?.type].some((t) => t === 'stop' || t === 'discontinue'));
    if (stop) open = undefined;
  });
}

export function applyMeasureLevel(parts: readonly ReadPart[], measures: Measure[], report: ImportReport): void {
  measures.forEach((measure, i) => {
    const reads = parts.map((p) => p.measures[i]).filter((r): r is ReadPartMeasure => r !== undefined);
    if (reads.length === 0) return;
    tempoOf(reads, measure, report);
    rehearsalOf(reads, measure, report);
    barlinesOf(reads, measures, i);
  });
  voltas(parts, measures);
}
