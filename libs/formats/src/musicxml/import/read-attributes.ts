import { type Clef, type Interval, type KeySignature, type TimeSignature, transposeKey } from '@bandpro/domain';
import { childElement, childElements, childNumber, childText, type XmlElement } from '../io/xml-tree';
import type { PartContext } from './part-context';
import type { ReadBarline } from './read.types';

const DEFAULT_LINES: Readonly<Record<string, number>> = { G: 2, F: 4, C: 3, percussion: 2, TAB: 5 };
const BEAT_TYPES = [1, 2, 4, 8, 16, 32, 64];

function readClef(el: XmlElement, ctx: PartContext): Clef | undefined {
  const sign = childText(el, 'sign') ?? '';
  const line = childNumber(el, 'line') ?? DEFAULT_LINES[sign];
  if (!(sign in DEFAULT_LINES) || line === undefined || !Number.isInteger(line) || line < 1 || line > 5) {
    ctx.skip('clef', `the clef ${sign} is not in the score model`);
    return undefined;
  }
  const clef: Clef = { sign: sign as Clef['sign'], line };
  const octave = childNumber(el, 'clef-octave-change');
  if (octave === 1 || octave === -1) clef.octaveChange = octave;
  return clef;
}

/** Additive meters (3+2/8) count by their total; several signatures of one beat type add up. */
function readTime(el: XmlElement, ctx: PartContext): TimeSignature | undefined {
  const beats = childElements(el, 'beats').map((b) => b.text.split('+').reduce((sum, n) => sum + Number(n), 0));
  const types = childElements(el, 'beat-type').map((b) => Number(b.text));
  const total = beats.reduce((a, b) => a + b, 0);
  const valid = types.length > 0 && types.every((t) => t === types[0]) && BEAT_TYPES.includes(types[0]) && Number.isInteger(total) && total > 0 && total <= 99;
  if (!valid) {
    ctx.skip('time', childElement(el, 'senza-misura') ? 'unmetered music is not in the score model' : 'this time signature is not in the score model');
    return undefined;
  }
  return { beats: total, beatType: types[0] };
}

function readKey(el: XmlElement, ctx: PartContext): KeySignature | undefined {
  const fifths = childNumber(el, 'fifths');
  if (fifths === undefined || !Number.isInteger(fifths)) {
    ctx.skip('key', 'only key signatures on the circle of fifths are kept');
    return undefined;
  }
  const mode = childText(el, 'mode') ?? 'major';
  const minor = mode === 'minor' || mode === 'aeolian';
  if (!minor && !['major', 'ionian', 'none'].includes(mode)) ctx.warn(`The ${mode} mode was kept as a major key signature.`);
  // Written keys beyond seven accidentals are respelt before moving to concert pitch.
  const written: KeySignature = { fifths: fifths > 7 ? fifths - 12 : fifths < -7 ? fifths + 12 : fifths, mode: minor ? 'minor' : 'major' };
  if (Math.abs(written.fifths) > 7) return undefined;
  return ctx.transpose === null || ctx.concertScore ? written : transposeKey(written, ctx.transpose);
}

function readTranspose(el: XmlElement): Interval {
  const diatonic = childNumber(el, 'diatonic') ?? 0;
  const chromatic = childNumber(el, 'chromatic') ?? 0;
  const octaves = (childNumber(el, 'octave-change') ?? 0) + (childElement(el, 'double') ? -1 : 0);
  return { diatonic: Math.round(diatonic) + 7 * octaves, chromatic: Math.round(chromatic) + 12 * octaves };
}

function applyClefs(el: XmlElement, ctx: PartContext): void {
  for (const c of childElements(el, 'clef')) {
    const clef = readClef(c, ctx);
    const staff = Number(c.attrs.number ?? 1);
    if (!clef) continue;
    if (ctx.firstClef === undefined && staff === 1) ctx.firstClef = clef;
    if (clef.sign === 'percussion') ctx.percussion = true;
    // A clef inside the measure takes effect at the next barline (the model changes clefs only there).
    if (ctx.pos.num === 0) ctx.measure.clefs.set(staff, clef);
    else {
      ctx.pendingClefs.set(staff, clef);
      ctx.movedClefs.push(ctx.pos);
    }
  }
}

function applyKey(el: XmlElement, ctx: PartContext): void {
  const keyEl = childElements(el, 'key').find((k) => (k.attrs.number ?? '1') === '1');
  const key = keyEl && readKey(keyEl, ctx);
  if (!key) return;
  if (ctx.pos.num === 0) ctx.measure.key = key;
  else {
    ctx.skip('key', 'a key change inside a measure moves to the next barline');
    ctx.pendingKey = key;
  }
}

export function readAttributes(el: XmlElement, ctx: PartContext): void {
  const divisions = childNumber(el, 'divisions');
  if (divisions !== undefined && divisions > 0) ctx.setDivisions(divisions);
  const transpose = childElement(el, 'transpose');
  if (transpose) ctx.transpose = readTranspose(transpose);
  applyKey(el, ctx);
  const timeEl = childElement(el, 'time');
  const time = timeEl && readTime(timeEl, ctx);
  if (time && ctx.pos.num === 0) ctx.measure.time = time;
  else if (time) ctx.skip('time', 'a time signature inside a measure is not in the score model');
  const staves = childNumber(el, 'staves');
  if (staves !== undefined && staves > ctx.staves) ctx.staves = staves;
  applyClefs(el, ctx);
}

function endingNumbers(text: string | undefined): number[] {
  return (text ?? '').split(/[,\s]+/).map((n) => Number(n.replace(/\.$/, ''))).filter((n) => Number.isInteger(n) && n >= 1 && n <= 20);
}

export function readBarline(el: XmlElement, ctx: PartContext): void {
  const location = el.attrs.location ?? 'right';
  if (location === 'middle') {
    ctx.skip('barline', 'barlines inside a measure are not in the score model');
    return;
  }
  const ending = childElement(el, 'ending');
  const repeat = childElement(el, 'repeat')?.attrs.direction;
  const read: ReadBarline = {
    style: childText(el, 'bar-style'),
    repeat: repeat === 'forward' || repeat === 'backward' ? repeat : undefined,
    ending: ending ? { numbers: endingNumbers(ending.attrs.number), type: ending.attrs.type ?? 'start' } : undefined,
  };
  if (ending && read.ending?.numbers.length === 0) ctx.skip('ending', 'an ending without numbers is not in the score model');
  for (const c of el.children) if (['segno', 'coda', 'fermata', 'wavy-line'].includes(c.name)) ctx.skip(c.name, 'this barline sign is not in the score model');
  if (location === 'left') ctx.measure.left = read;
  else ctx.measure.right = read;
}
