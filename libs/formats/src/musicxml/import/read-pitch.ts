import { midiToPitch, type Pitch, type Step } from '@bandpro/domain';
import { childElement, childNumber, childText, type XmlElement } from '../io/xml-tree';
import { asModelPitch, transposeSpelling } from '../spelling';
import type { PartContext } from './part-context';

const STEPS: readonly string[] = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];
const NO_PITCH = 'its pitch is missing or outside the MIDI range';
/** A written part may need a triple accidental for a concert double one; beyond that is no music. */
const MAX_WRITTEN_ALTER = 3;

type Spelling = { step: Step; alter: number; octave: number };

function spelt(step: string | undefined, alter: number, octave: number | undefined): Spelling | undefined {
  if (step === undefined || !STEPS.includes(step) || octave === undefined || !Number.isInteger(octave)) return undefined;
  return { step: step as Step, alter, octave };
}

/** Written → concert, by the part's <transpose> (unless the score is written at concert pitch). */
function toConcert(written: Spelling, ctx: PartContext): Pitch | undefined {
  const concert = ctx.transpose === null || ctx.concertScore ? written : transposeSpelling(written as Pitch, ctx.transpose);
  return asModelPitch(concert);
}

function readPitched(el: XmlElement, ctx: PartContext): Pitch | string {
  const rawAlter = childNumber(el, 'alter') ?? 0;
  const alter = Math.round(rawAlter);
  if (Math.abs(alter) > MAX_WRITTEN_ALTER) return 'alterations beyond a double sharp or flat are not in the score model';
  if (alter !== rawAlter) ctx.warn('Microtonal alterations were rounded to the nearest semitone.');
  const written = spelt(childText(el, 'step'), alter, childNumber(el, 'octave'));
  const concert = written && toConcert(written, ctx);
  if (concert) return concert;
  return written && Math.abs(alter) > 2 ? 'alterations beyond a double sharp or flat are not in the score model' : NO_PITCH;
}

/**
 * Unpitched notes are drum-map positions: the MIDI note of the score-instrument they name when the part
 * list gives one, else the staff position they are displayed at.
 */
function readUnpitched(el: XmlElement, note: XmlElement, ctx: PartContext): Pitch | string {
  const instrument = childElement(note, 'instrument')?.attrs.id;
  const midi = instrument === undefined ? undefined : ctx.info.unpitched.get(instrument);
  if (midi !== undefined) return midiToPitch(midi);
  const [only] = ctx.info.unpitched.values();
  if (ctx.info.unpitched.size === 1 && only !== undefined) return midiToPitch(only);
  const display = spelt(childText(el, 'display-step'), 0, childNumber(el, 'display-octave'));
  return (display && asModelPitch(display)) ?? NO_PITCH;
}

/** The concert pitch of a <note>, or undefined when it has none the model can hold (it is reported). */
export function readNotePitch(note: XmlElement, ctx: PartContext): Pitch | undefined {
  const pitched = childElement(note, 'pitch');
  const unpitched = childElement(note, 'unpitched');
  if (unpitched) ctx.percussion = true;
  const pitch = pitched ? readPitched(pitched, ctx) : unpitched ? readUnpitched(unpitched, note, ctx) : NO_PITCH;
  if (typeof pitch !== 'string') return pitch;
  ctx.skip('note', pitch);
  return undefined;
}
