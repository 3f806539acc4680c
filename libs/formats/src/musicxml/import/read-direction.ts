import { addF, DURATION_TYPES, type DurationType, type Fraction, subF, type TempoMark, ZERO } from '@bandpro/domain';
import { childElement, childElements, childNumber, childText, type XmlElement } from '../io/xml-tree';
import type { PartContext } from './part-context';
import { readDynamics } from './read-notations';

const MAX_TEXT = 100;

function clip(text: string, ctx: PartContext): string {
  if (text.length <= MAX_TEXT) return text;
  ctx.warn(`Texts longer than ${MAX_TEXT} characters were shortened.`);
  return text.slice(0, MAX_TEXT);
}

interface Metronome {
  type: DurationType;
  dots: number;
  bpm: number;
}

function readMetronome(el: XmlElement, ctx: PartContext): Metronome | undefined {
  const type = childText(el, 'beat-unit') as DurationType | undefined;
  const dots = childElements(el, 'beat-unit-dot').length;
  const perMinute = /\d+(\.\d+)?/.exec(childText(el, 'per-minute') ?? '');
  const bpm = perMinute ? Number(perMinute[0]) : NaN;
  if (type === undefined || !DURATION_TYPES.includes(type) || dots > 1 || !(bpm >= 1 && bpm <= 999)) {
    ctx.skip('metronome', 'only a beat unit with a number per minute is kept');
    return undefined;
  }
  return { type, dots, bpm };
}

/** Quarter notes per minute from <sound tempo>, as a quarter-note tempo. */
function soundTempo(el: XmlElement | undefined): Metronome | undefined {
  const tempo = Number(el?.attrs.tempo);
  return tempo >= 1 && tempo <= 999 ? { type: 'quarter', dots: 0, bpm: Math.round(tempo * 100) / 100 } : undefined;
}

/** A metronome mark, or <sound tempo>, is the measure's tempo; the words beside it are its text. */
function pushTempo(ctx: PartContext, at: Fraction, beat: Metronome, words: string[]): void {
  const text = words.length > 0 ? clip(words.join(' '), ctx) : null;
  const tempo: TempoMark = { bpm: beat.bpm, beatUnit: { type: beat.type, dots: beat.dots }, text };
  ctx.measure.marks.push({ kind: 'tempo', at, tempo });
}

function readDirectionType(dt: XmlElement, ctx: PartContext, at: Fraction, staff: number, out: { words: string[]; metronome?: Metronome }): void {
  for (const c of dt.children) {
    switch (c.name) {
      case 'words': {
        const text = c.text.replace(/\s+/g, ' ').trim();
        if (text !== '') out.words.push(text);
        break;
      }
      case 'metronome':
        out.metronome = readMetronome(c, ctx) ?? out.metronome;
        break;
      case 'dynamics':
        for (const value of readDynamics(c, ctx)) ctx.measure.marks.push({ kind: 'dynamic', staff, at, value });
        break;
      case 'wedge':
        readWedge(c, ctx, at, staff);
        break;
      case 'rehearsal':
        if (c.text.trim() !== '') ctx.measure.marks.push({ kind: 'rehearsal', text: c.text.trim() });
        break;
      default:
        // An empty <other-direction/> only carries a <sound>: nothing is lost.
        if (c.name !== 'other-direction' || c.text.trim() !== '') ctx.skip(c.name, 'this direction is not in the score model');
    }
  }
}

function readWedge(el: XmlElement, ctx: PartContext, at: Fraction, staff: number): void {
  const type = el.attrs.type;
  if (type !== 'crescendo' && type !== 'diminuendo' && type !== 'stop') return;
  ctx.measure.marks.push({ kind: 'wedge', staff, at, wedge: type, number: el.attrs.number ?? '1' });
}

/** The position a direction or harmony applies at: the cursor moved by its <offset>. */
export function positionWithOffset(el: XmlElement, ctx: PartContext): Fraction {
  const offset = childNumber(el, 'offset');
  if (!offset) return ctx.pos;
  const shift = ctx.span(Math.abs(offset));
  const at = offset > 0 ? addF(ctx.pos, shift) : subF(ctx.pos, shift);
  return at.num < 0 ? ZERO : at;
}

export function readDirection(el: XmlElement, ctx: PartContext): void {
  const at = positionWithOffset(el, ctx);
  const staff = childNumber(el, 'staff') ?? 1;
  const out: { words: string[]; metronome?: Metronome } = { words: [] };
  for (const dt of childElements(el, 'direction-type')) readDirectionType(dt, ctx, at, staff, out);
  const beat = out.metronome ?? soundTempo(childElement(el, 'sound'));
  if (beat) pushTempo(ctx, at, beat, out.words);
  else if (out.words.length > 0) ctx.measure.marks.push({ kind: 'text', staff, at, text: clip(out.words.join(' '), ctx) });
}

/** A <sound tempo> of its own, outside any direction. */
export function readSound(el: XmlElement, ctx: PartContext): void {
  const beat = soundTempo(el);
  if (beat) pushTempo(ctx, ctx.pos, beat, []);
}
