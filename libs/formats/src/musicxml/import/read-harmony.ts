import { type Alter, CHORD_KINDS, type ChordKind, type ChordSymbol, type PitchClass, type Step } from '@bandpro/domain';
import { childElement, childNumber, childText, type XmlElement } from '../io/xml-tree';
import { transposeSpelling } from '../spelling';
import type { PartContext } from './part-context';
import { positionWithOffset } from './read-direction';

const STEPS: readonly string[] = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];
const MAX_KIND_TEXT = 40;

/** A root or bass, moved to concert pitch in a transposing part (chord symbols are written like its notes). */
function pitchClass(el: XmlElement | undefined, prefix: 'root' | 'bass', ctx: PartContext): PitchClass | undefined {
  const step = el && childText(el, `${prefix}-step`);
  const alter = (el && childNumber(el, `${prefix}-alter`)) ?? 0;
  if (step === undefined || !STEPS.includes(step) || !Number.isInteger(alter) || Math.abs(alter) > 3) return undefined;
  const written = { step: step as Step, alter: (alter + 0) as Alter, octave: 4 };
  const concert = ctx.transpose === null || ctx.concertScore ? written : transposeSpelling(written, ctx.transpose);
  return Math.abs(concert.alter) <= 2 ? { step: concert.step, alter: (concert.alter + 0) as Alter } : undefined;
}

function kindOf(el: XmlElement | undefined, ctx: PartContext): Pick<ChordSymbol, 'kind' | 'text'> {
  const value = (el?.text.trim() || 'none') as ChordKind;
  const kind = CHORD_KINDS.includes(value) ? value : 'other';
  if (kind !== value) ctx.warn(`The chord kind "${value}" was kept as "other".`);
  const text = el?.attrs.text;
  if (text === undefined) return { kind };
  if (text.length > MAX_KIND_TEXT) ctx.warn(`Chord symbol texts longer than ${MAX_KIND_TEXT} characters were shortened.`);
  return { kind, text: text.slice(0, MAX_KIND_TEXT) };
}

/** A chord symbol; function and numeral analysis, degrees and fret diagrams are reported, not kept. */
export function readHarmony(el: XmlElement, ctx: PartContext): void {
  const root = pitchClass(childElement(el, 'root'), 'root', ctx);
  if (!root) {
    ctx.skip('harmony', 'only chord symbols with a root are kept (not function or numeral analysis)');
    return;
  }
  const symbol: ChordSymbol = { root, ...kindOf(childElement(el, 'kind'), ctx) };
  const bass = pitchClass(childElement(el, 'bass'), 'bass', ctx);
  if (bass) symbol.bass = bass;
  for (const c of el.children) if (c.name === 'degree' || c.name === 'frame' || c.name === 'inversion') ctx.skip(`harmony ${c.name}`, 'only the chord symbol\'s root, kind, text and bass are kept');
  ctx.measure.marks.push({ kind: 'harmony', at: positionWithOffset(el, ctx), symbol });
}
