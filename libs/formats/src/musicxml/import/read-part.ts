import { ltF, subF } from '@bandpro/domain';
import { childElements, childNumber, type XmlElement } from '../io/xml-tree';
import { PartContext } from './part-context';
import { readAttributes, readBarline } from './read-attributes';
import { readDirection, readSound } from './read-direction';
import { readHarmony } from './read-harmony';
import { readNote } from './read-note';
import type { ReadPart, ReadPartInfo } from './read.types';
import type { ImportReport } from './report';

/** Layout, playback and linking elements: nothing a reader of the music misses, so not reported. */
const IGNORED = new Set(['print', 'bookmark', 'link', 'grouping', 'listening']);

function readChild(el: XmlElement, ctx: PartContext, verses: Map<string, number>): void {
  switch (el.name) {
    case 'note':
      readNote(el, ctx, verses);
      return;
    case 'backup':
      ctx.moveTo(subF(ctx.pos, ctx.span(childNumber(el, 'duration') ?? 0)));
      ctx.lastGroup = undefined;
      return;
    case 'forward':
      ctx.advance(ctx.span(childNumber(el, 'duration') ?? 0));
      ctx.lastGroup = undefined;
      return;
    case 'attributes':
      readAttributes(el, ctx);
      return;
    case 'direction':
      readDirection(el, ctx);
      return;
    case 'harmony':
      readHarmony(el, ctx);
      return;
    case 'barline':
      readBarline(el, ctx);
      return;
    case 'sound':
      readSound(el, ctx);
      return;
    default:
      if (!IGNORED.has(el.name)) ctx.skip(el.name, 'this element is not in the score model');
  }
}

function readMeasure(el: XmlElement, index: number, ctx: PartContext, verses: Map<string, number>) {
  const measure = ctx.startMeasure(el.attrs.number ?? String(index + 1));
  for (const child of el.children) readChild(child, ctx, verses);
  if (ctx.movedClefs.some((at) => ltF(at, measure.end))) ctx.skip('clef', 'a clef change inside a measure moves to the next barline');
  return measure;
}

/** One pass over a <part>: its measures as read, and what the instrument match needs to know. */
export function readPart(el: XmlElement, info: ReadPartInfo, report: ImportReport, concertScore: boolean): ReadPart {
  const ctx = new PartContext(info, report, concertScore);
  const verses = new Map<string, number>();
  const measures = childElements(el, 'measure').map((m, i) => readMeasure(m, i, ctx, verses));
  return { info, measures, staves: ctx.staves, percussion: ctx.percussion, firstClef: ctx.firstClef, transpose: ctx.transpose };
}
