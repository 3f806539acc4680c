import { type Fraction, type Lyric, type Pitch, type Tuplet } from '@bandpro/domain';
import { childElement, childElements, childNumber, childText, type XmlElement } from '../io/xml-tree';
import type { PartContext } from './part-context';
import { readNotations } from './read-notations';
import { readNotePitch } from './read-pitch';
import type { NoteGroup } from './read.types';

const SYLLABICS: readonly Lyric['syllabic'][] = ['single', 'begin', 'middle', 'end'];
const MAX_LYRIC = 50;

/** Verse numbers: "1".."10" as written, other labels numbered in the order the part first uses them. */
function verseOf(lyric: XmlElement, ctx: PartContext, verses: Map<string, number>): number {
  const label = lyric.attrs.number ?? lyric.attrs.name ?? '1';
  const n = Number(label);
  if (Number.isInteger(n) && n >= 1 && n <= 10) return n;
  if (!verses.has(label)) verses.set(label, verses.size + 1);
  return verses.get(label) as number;
}

function readLyric(el: XmlElement, ctx: PartContext, verses: Map<string, number>): Lyric | undefined {
  // An elision joins syllables sung on one note ("be‿a").
  const text = childElements(el, 'text').map((t) => t.text.trim()).join('‿');
  if (text === '') return undefined;
  const verse = verseOf(el, ctx, verses);
  if (verse > 10) {
    ctx.skip('lyric', 'only ten verses fit in the score model');
    return undefined;
  }
  const syllabic = (childText(el, 'syllabic') ?? 'single') as Lyric['syllabic'];
  if (text.length > MAX_LYRIC) ctx.warn(`Lyrics longer than ${MAX_LYRIC} characters were shortened.`);
  return { verse, text: text.slice(0, MAX_LYRIC), syllabic: SYLLABICS.includes(syllabic) ? syllabic : 'single' };
}

function readLyrics(note: XmlElement, ctx: PartContext, verses: Map<string, number>): Lyric[] {
  const lyrics: Lyric[] = [];
  for (const el of childElements(note, 'lyric')) {
    const lyric = readLyric(el, ctx, verses);
    if (lyric && !lyrics.some((l) => l.verse === lyric.verse)) lyrics.push(lyric);
  }
  return lyrics;
}

function readTuplet(note: XmlElement): Tuplet | undefined {
  const tm = childElement(note, 'time-modification');
  const actual = tm && childNumber(tm, 'actual-notes');
  const normal = tm && childNumber(tm, 'normal-notes');
  if (!actual || !normal || actual === normal || !Number.isInteger(actual) || !Number.isInteger(normal)) return undefined;
  return { actual, normal };
}

function mergeInto(group: NoteGroup, other: NoteGroup): void {
  for (const n of other.notes) {
    if (!group.notes.some((g) => g.pitch.step === n.pitch.step && g.pitch.alter === n.pitch.alter && g.pitch.octave === n.pitch.octave)) group.notes.push(n);
  }
  group.articulations = [...new Set([...group.articulations, ...other.articulations])];
  for (const l of other.lyrics) if (!group.lyrics.some((g) => g.verse === l.verse)) group.lyrics.push(l);
  group.slurs.push(...other.slurs);
  group.dynamics.push(...other.dynamics);
}

interface Timing {
  start: Fraction;
  length: Fraction | undefined;
}

function groupOf(note: XmlElement, ctx: PartContext, timing: Timing, pitch: Pitch | undefined, verses: Map<string, number>): NoteGroup {
  const rest = childElement(note, 'rest');
  const notations = readNotations(note, ctx);
  if (rest && childElement(note, 'lyric')) ctx.skip('lyric', 'lyrics on rests are not in the score model');
  return {
    order: ctx.nextOrder(),
    staff: childNumber(note, 'staff') ?? 1,
    voice: childText(note, 'voice') || '1',
    ...timing,
    unit: ctx.unit,
    type: childText(note, 'type'),
    dots: childElements(note, 'dot').length,
    tuplet: readTuplet(note),
    rest: rest !== undefined,
    measureRest: rest?.attrs.measure === 'yes',
    notes: pitch ? [{ pitch, tie: notations.tie }] : [],
    articulations: notations.articulations,
    lyrics: rest ? [] : readLyrics(note, ctx, verses),
    slurs: notations.slurs,
    dynamics: notations.dynamics,
  };
}

/** Reads one <note> into the measure: a new group, or one more note of the chord before it. */
export function readNote(note: XmlElement, ctx: PartContext, verses: Map<string, number>): void {
  if (childElement(note, 'grace')) {
    ctx.skip('grace', 'grace notes are not in the score model');
    return;
  }
  const previous = ctx.lastGroup;
  const chord = childElement(note, 'chord') !== undefined && previous !== undefined;
  const divisions = childNumber(note, 'duration');
  const length = divisions === undefined || divisions < 0 ? undefined : ctx.span(divisions);
  const start = chord ? previous.start : ctx.pos;
  if (!chord && length) ctx.advance(length);
  if (childElement(note, 'cue')) {
    ctx.skip('cue', 'cue notes are not in the score model');
    return;
  }
  const pitch = childElement(note, 'rest') ? undefined : readNotePitch(note, ctx);
  if (!childElement(note, 'rest') && !pitch) return;
  const group = groupOf(note, ctx, { start, length }, pitch, verses);
  if (chord && !group.rest && !previous.rest) {
    mergeInto(previous, group);
    return;
  }
  ctx.measure.groups.push(group);
  ctx.lastGroup = group;
}
