import { keyName, type Duration, type DurationType, type EndBarline, type Interval, type StartBarline } from '@bandpro/domain';
import type { Noun, Phrases, Where } from './phrases';
import { intervalParts } from './interval-parts';

const DURATIONS: Record<DurationType, string> = {
  whole: 'whole',
  half: 'half',
  quarter: 'quarter',
  eighth: 'eighth',
  '16th': 'sixteenth',
  '32nd': 'thirty-second',
  '64th': 'sixty-fourth',
};

const NOUNS: Record<Noun, string> = {
  timeSignature: 'the time signature',
  keySignature: 'the key signature',
  clef: 'the clef',
  tempo: 'the tempo',
  length: 'the length',
  volta: 'the volta',
  rehearsalMark: 'the rehearsal mark',
  dynamic: 'the dynamic',
  chordSymbol: 'the chord symbol',
  duration: 'the duration',
  startBarline: 'the start barline',
  endBarline: 'the end barline',
};

const QUALITIES: Record<string, string> = {
  P: 'perfect',
  M: 'major',
  m: 'minor',
  A: 'augmented',
  AA: 'doubly augmented',
  d: 'diminished',
  dd: 'doubly diminished',
};
const SIZES = ['', 'unison', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'octave'].concat(
  ['ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth'],
);

const BARLINES: Record<StartBarline | EndBarline, string> = {
  regular: 'single',
  double: 'double',
  final: 'final',
  'repeat-start': 'start repeat',
  'repeat-end': 'end repeat',
};

const CLEFS: Record<string, string> = { G2: 'treble', F4: 'bass', C3: 'alto', C4: 'tenor', C1: 'soprano', F3: 'baritone' };

const a = (phrase: string): string => `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
const plural = (count: number, one: string, many = `${one}s`): string => (count === 1 ? a(one) : `${count} ${many}`);
const barsText = ({ from, to }: { from: number; to: number }): string => (from === to ? `bar ${from}` : `bars ${from}–${to}`);

function duration(d: Duration): string {
  const dots = ['', 'dotted ', 'double-dotted '][d.dots] ?? `${d.dots}-dotted `;
  const tuplet = d.tuplet ? (d.tuplet.actual === 3 && d.tuplet.normal === 2 ? 'triplet ' : `${d.tuplet.actual}:${d.tuplet.normal} `) : '';
  return `${tuplet}${dots}${DURATIONS[d.type]}`;
}

function interval(i: Interval): string {
  const { down, quality, size } = intervalParts(i);
  const direction = down ? 'down' : 'up';
  if (quality === 'P' && size === 8) return `${direction} an octave`;
  const name = `${QUALITIES[quality] ?? quality} ${SIZES[size] ?? `${size}th`}`;
  return `${direction} ${a(name)}`;
}

const where = (w: Where): string => `${w.bars === null ? 'an unknown bar' : barsText(w.bars)}${w.part === null ? '' : ` (${w.part})`}`;

export const ENGLISH: Phrases = {
  sentence: (actor, predicate) => `${actor} ${predicate}`,
  quote: (text) => `"${text}"`,
  where,

  noun: (noun) => NOUNS[noun],
  duration,
  entry: (entry, pitches) => {
    if (entry.kind === 'rest') return a(`${duration(entry.duration)} rest`);
    if (pitches.length === 1) return a(`${duration(entry.duration)} note ${pitches[0]}`);
    return a(`${duration(entry.duration)}-note chord ${pitches.join(' ')}`);
  },
  entries: (count) => plural(count, 'note or rest', 'notes and rests'),
  interval,
  clef: (clef) => {
    const name = CLEFS[`${clef.sign}${clef.line}`];
    const octave = clef.octaveChange === undefined ? '' : clef.octaveChange < 0 ? ' 8vb' : ' 8va';
    if (clef.sign === 'percussion' || clef.sign === 'TAB') return `the ${clef.sign === 'TAB' ? 'tablature' : 'percussion'} clef`;
    return name ? `the ${name} clef${octave}` : `a ${clef.sign} clef on line ${clef.line}${octave}`;
  },
  key: (key) => keyName(key),
  tempo: (tempo) => {
    const mark = `${duration({ type: tempo.beatUnit.type, dots: tempo.beatUnit.dots })} = ${tempo.bpm}`;
    return tempo.text ? `"${tempo.text}" (${mark})` : mark;
  },
  barline: (style) => BARLINES[style],
  fullBar: () => 'a full bar',
  articulation: (articulation) => a(articulation),
  hairpin: (kind) => a(kind),
  slur: () => 'a slur',
  tie: (pitch) => `a tie on ${pitch}`,
  chordNoteAdded: (pitch) => `${pitch} to the chord`,
  chordNoteRemoved: (pitch) => `${pitch} from the chord`,
  dynamic: (value) => `the dynamic ${value}`,
  chordSymbol: (symbol) => `the chord symbol ${symbol}`,
  text: (text) => `the text "${text}"`,
  lyric: (text) => `the lyric "${text}"`,
  lyricOfVerse: (verse) => `the lyric of verse ${verse}`,
  volta: (numbers) => `the volta ${numbers.join(', ')}`,
  rehearsalMark: (text) => `the rehearsal mark "${text}"`,
  trailingRests: (count) => `${plural(count, 'rest')} past the barline`,

  wrote: (what, w) => `wrote ${what} in ${where(w)}`,
  added: (what, w) => `added ${what} in ${where(w)}`,
  removed: (what, w) => `removed ${what} in ${where(w)}`,
  deleted: (what, w) => `deleted ${what} in ${where(w)}`,
  restored: (what, w) => `restored ${what} in ${where(w)}`,
  changed: (what, from, to, w) => `changed ${what === null ? '' : `${what} `}${from} → ${to} in ${where(w)}`,
  set: (what, value, w) => `set ${what} to ${value} in ${where(w)}`,
  setFrom: (what, value, w) => `set ${what} to ${value} from ${where(w)}`,
  cleared: (what, w) => `removed ${what} change in ${where(w)}`,

  created: (title) => `created the score "${title}"`,
  imported: () => 'imported the score',
  discarded: () => 'discarded the score',
  info: (changes) => `changed ${changes.map(([field, value]) => `the ${field} to "${value}"`).join(' and ')}`,
  partAdded: (name) => `added the part ${name}`,
  partRemoved: (name) => `removed the part ${name}`,
  partMoved: (name, position) => `moved the part ${name} to position ${position}`,
  partRenamed: (from, to) => `renamed the part ${from} to ${to}`,
  instrumentChanged: (part, instrument) => `changed the instrument of ${part} to ${instrument}`,
  barsInserted: (count, afterBar) => `added ${plural(count, 'bar')} ${afterBar === null ? 'at the start' : `after bar ${afterBar}`}`,
  barsDeleted: (bars) => `deleted ${barsText(bars)}`,
  transposed: (bars, i, parts) => `transposed ${barsText(bars)}${parts === null ? '' : ` (${parts})`} ${interval(i)}`,
  aggregate: (count, bars, part) =>
    `made ${count} changes${bars === null ? '' : ` in ${barsText(bars)}`}${part === null ? '' : ` (${part})`}`,
  generic: () => 'made a change',
  undid: (summary) => `undid "${summary}"`,
  redid: (summary) => `redid "${summary}"`,
};
