import { transposePitchClass } from './interval';
import { MusicError } from './music-error';
import type { ChordKind, ChordSymbol, Interval } from './music.types';
import { type AccidentalStyle, formatPitchClass, isPitchClass, readPitchClass } from './pitch-class';

/** The suffix printed after the root when the symbol carries no `text` of its own. */
const SUFFIXES: Readonly<Record<ChordKind, string>> = {
  major: '',
  minor: 'm',
  augmented: '+',
  diminished: 'dim',
  dominant: '7',
  'major-seventh': 'maj7',
  'minor-seventh': 'm7',
  'diminished-seventh': 'dim7',
  'augmented-seventh': '+7',
  'half-diminished': 'm7♭5',
  'major-minor': 'm(maj7)',
  'major-sixth': '6',
  'minor-sixth': 'm6',
  'dominant-ninth': '9',
  'major-ninth': 'maj9',
  'minor-ninth': 'm9',
  'dominant-11th': '11',
  'major-11th': 'maj11',
  'minor-11th': 'm11',
  'dominant-13th': '13',
  'major-13th': 'maj13',
  'minor-13th': 'm13',
  'suspended-second': 'sus2',
  'suspended-fourth': 'sus4',
  Neapolitan: ' Neapolitan',
  Italian: ' Italian',
  French: ' French',
  German: ' German',
  pedal: ' pedal',
  power: '5',
  Tristan: ' Tristan',
  other: '',
  none: 'N.C.',
};

export const CHORD_KINDS = Object.freeze(Object.keys(SUFFIXES) as ChordKind[]);

const toAscii = (text: string): string => text.replace(/♭/g, 'b').replace(/♯/g, '#');

/** "B♭7", "F♯m7♭5/C", "Csus4"; "N.C." for no chord. ASCII style writes b and #. */
export function formatChordSymbol(cs: ChordSymbol, style: AccidentalStyle = 'unicode'): string {
  if (!CHORD_KINDS.includes(cs.kind) || !isPitchClass(cs.root) || (cs.bass && !isPitchClass(cs.bass))) {
    throw new MusicError('INVALID_CHORD_SYMBOL', `Invalid chord symbol ${JSON.stringify(cs)}`, { chord: cs });
  }
  if (cs.kind === 'none') return cs.text ?? SUFFIXES.none;
  const suffix = cs.text ?? SUFFIXES[cs.kind];
  const bass = cs.bass ? `/${formatPitchClass(cs.bass, style)}` : '';
  const text = `${formatPitchClass(cs.root, style)}${suffix}${bass}`;
  return style === 'ascii' ? toAscii(text) : text;
}

/** Spellings met on lead sheets, after ♭/♯ become b/# and Δ, ø, ° become maj7, m7b5, dim. */
const SPELLINGS: Readonly<Record<string, ChordKind>> = {
  '': 'major', maj: 'major', M: 'major',
  m: 'minor', min: 'minor', mi: 'minor', '-': 'minor',
  '+': 'augmented', aug: 'augmented', '#5': 'augmented', '(#5)': 'augmented',
  dim: 'diminished', o: 'diminished',
  '7': 'dominant', dom7: 'dominant',
  maj7: 'major-seventh', M7: 'major-seventh', ma7: 'major-seventh', Maj7: 'major-seventh', j7: 'major-seventh',
  m7: 'minor-seventh', min7: 'minor-seventh', mi7: 'minor-seventh', '-7': 'minor-seventh',
  dim7: 'diminished-seventh', o7: 'diminished-seventh',
  '+7': 'augmented-seventh', aug7: 'augmented-seventh', '7#5': 'augmented-seventh', '7+5': 'augmented-seventh',
  '7(#5)': 'augmented-seventh',
  m7b5: 'half-diminished', min7b5: 'half-diminished', '-7b5': 'half-diminished',
  'm7(b5)': 'half-diminished',
  'm(maj7)': 'major-minor', mmaj7: 'major-minor', mMaj7: 'major-minor', mM7: 'major-minor', 'm(M7)': 'major-minor',
  '-maj7': 'major-minor', 'min(maj7)': 'major-minor',
  '6': 'major-sixth', maj6: 'major-sixth', M6: 'major-sixth',
  m6: 'minor-sixth', min6: 'minor-sixth', '-6': 'minor-sixth',
  '9': 'dominant-ninth', maj9: 'major-ninth', M9: 'major-ninth', m9: 'minor-ninth', min9: 'minor-ninth', '-9': 'minor-ninth',
  '11': 'dominant-11th', maj11: 'major-11th', M11: 'major-11th', m11: 'minor-11th', min11: 'minor-11th', '-11': 'minor-11th',
  '13': 'dominant-13th', maj13: 'major-13th', M13: 'major-13th', m13: 'minor-13th', min13: 'minor-13th', '-13': 'minor-13th',
  sus2: 'suspended-second', sus4: 'suspended-fourth', sus: 'suspended-fourth',
  '5': 'power', pedal: 'pedal', ped: 'pedal',
};

function normalise(suffix: string): string {
  return toAscii(suffix)
    .replace(/\s+/g, '')
    .replace(/^Δ7?/, 'maj7')
    .replace(/^ø7?/, 'm7b5')
    .replace(/^°/, 'dim');
}

function invalid(text: string): MusicError {
  return new MusicError('INVALID_CHORD_SYMBOL', `Cannot read a chord symbol from "${text}"`, { text });
}

/**
 * Reads "Bbmaj7/D", "F#m7b5", "C♯ø7", "Ebsus4", "G+", "A-7". The written suffix is kept as `text` when it is
 * not the one formatChordSymbol would print, so a lead sheet reads back as it was written.
 */
export function parseChordSymbol(input: string): ChordSymbol {
  const text = input.trim();
  const root = readPitchClass(text);
  if (!root || text.charAt(0) !== text.charAt(0).toUpperCase()) throw invalid(input);
  const slash = /\/([A-G](?:𝄪|𝄫|##|bb|[#♯b♭x])?)$/u.exec(text.slice(root.length));
  const suffix = slash ? text.slice(root.length, text.length - slash[0].length) : text.slice(root.length);
  const key = normalise(suffix);
  if (!Object.prototype.hasOwnProperty.call(SPELLINGS, key)) throw invalid(input);
  const kind = SPELLINGS[key];
  const bass = slash ? readPitchClass(slash[1])?.pc : undefined;
  const written = toAscii(suffix) === toAscii(SUFFIXES[kind]) ? {} : { text: suffix };
  return { root: root.pc, kind, ...(bass ? { bass } : {}), ...written };
}

/** Moves root and bass by the interval, spelling both from the interval (C/E up a M2 is D/F♯). */
export function transposeChordSymbol(cs: ChordSymbol, i: Interval): ChordSymbol {
  const root = transposePitchClass(cs.root, i);
  return cs.bass ? { ...cs, root, bass: transposePitchClass(cs.bass, i) } : { ...cs, root };
}
