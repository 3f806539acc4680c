import { getInstrument, type InstrumentDefinition, listInstruments } from '@bandpro/domain';
import type { ReadPart } from './read.types';

/*
 * Which catalogue instrument a MusicXML part is: by its MusicXML sound id, then a drum kit when it plays
 * unpitched notes or on MIDI channel 10, then by the words in its names, then by its General MIDI program,
 * and last a default chosen from its clef. The catalogue instrument must also have the part's staff count.
 */

/** Tried in order, on names lower-cased without accents: specific names before the general ones. */
const NAME_RULES: readonly [RegExp, string][] = [
  [/piccolo/, 'piccolo'],
  [/recorder|flute|flote|flauto|fife|whistle/, 'flute'],
  [/english horn|cor anglais|englischhorn/, 'english-horn'],
  [/oboe/, 'oboe'],
  [/bassoon|fagott/, 'bassoon'],
  [/bass clarinet|bassklarinette/, 'bass-clarinet'],
  [/clarinet.*\b(eb|e flat|es)\b/, 'clarinet-eb'],
  [/clarinet.*\bin a\b/, 'clarinet-a'],
  [/clarinet|klarinette|clarinetto/, 'clarinet-bb'],
  [/soprano sax/, 'soprano-sax'],
  [/tenor sax/, 'tenor-sax'],
  [/bari(tone)? sax/, 'baritone-sax'],
  [/sax/, 'alto-sax'],
  [/flugel/, 'flugelhorn'],
  [/cornet/, 'cornet-bb'],
  [/trumpet.*\bin c\b|\bc trumpet/, 'trumpet-c'],
  [/trumpet|trompete|tromba/, 'trumpet-bb'],
  [/bass trombone/, 'bass-trombone'],
  [/trombone|posaune/, 'trombone'],
  [/euphonium|baritone horn/, 'euphonium'],
  [/tuba/, 'tuba'],
  [/\bhorn|corno/, 'horn-f'],
  [/timpani|pauke/, 'timpani'],
  [/glock/, 'glockenspiel'],
  [/xylo/, 'xylophone'],
  [/vibra/, 'vibraphone'],
  [/marimba/, 'marimba'],
  [/drum|percussion|snare|kit|cymbal|hi-?hat|\btoms?\b|schlagzeug/, 'drum-set'],
  [/electric piano|\be piano|rhodes|wurlitzer/, 'electric-piano'],
  [/organ|orgel/, 'organ'],
  [/synth/, 'synthesizer'],
  [/piano|klavier|keyboard|harpsichord|cembalo|celest/, 'piano'],
  [/bass guitar|electric bass|\be bass|bass gtr/, 'bass-guitar'],
  [/contrabass|double bass|kontrabass|string bass|upright bass/, 'double-bass'],
  [/electric guitar|\be guitar|\be gtr/, 'electric-guitar'],
  [/guitar|gitarre|chitarra|gtr/, 'acoustic-guitar'],
  [/cello/, 'cello'],
  [/viola|bratsche/, 'viola'],
  [/violin|violine|geige|fiddle|violino/, 'violin'],
  [/soprano|sopran\b/, 'soprano'],
  [/\balto\b|\balt\b/, 'alto'],
  [/tenor/, 'tenor'],
  [/\bbass\b|bariton/, 'bass'],
];

/** Only when no name says more: "Voice 1", "Stimme". */
const GENERIC_RULES: readonly [RegExp, string][] = [[/voice|vocal|singer|stimme|voce|melody/, 'soprano']];

/** General MIDI programs (1-based) by range, for programs no catalogue instrument uses exactly. */
const PROGRAM_RANGES: readonly [number, number, string][] = [
  [1, 8, 'piano'], [9, 16, 'glockenspiel'], [17, 24, 'organ'], [25, 26, 'acoustic-guitar'], [27, 32, 'electric-guitar'],
  [33, 40, 'bass-guitar'], [41, 41, 'violin'], [42, 42, 'viola'], [43, 43, 'cello'], [44, 52, 'double-bass'],
  [53, 56, 'soprano'], [57, 64, 'trumpet-bb'], [65, 72, 'alto-sax'], [73, 80, 'flute'], [81, 104, 'synthesizer'],
];

const normalise = (name: string): string =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/♭/g, 'b').replace(/[._()-]/g, ' ').toLowerCase();

function bySound(soundIds: readonly string[]): InstrumentDefinition | undefined {
  const catalogue = listInstruments();
  for (const sound of soundIds) {
    const exact = catalogue.find((i) => i.soundId === sound);
    if (exact) return exact;
    const family = catalogue
      .filter((i) => sound.startsWith(`${i.soundId}.`) || i.soundId.startsWith(`${sound}.`))
      .sort((a, b) => b.soundId.length - a.soundId.length);
    if (family[0] && !family[0].percussion) return family[0];
  }
  return undefined;
}

function byName(names: readonly string[]): InstrumentDefinition | undefined {
  const normalised = names.map(normalise);
  for (const rules of [NAME_RULES, GENERIC_RULES]) {
    for (const name of normalised) {
      const rule = rules.find(([pattern]) => pattern.test(name));
      if (rule) return getInstrument(rule[1]);
    }
  }
  return undefined;
}

function byProgram(programs: readonly number[]): InstrumentDefinition | undefined {
  for (const program of programs) {
    const exact = listInstruments().find((i) => i.midiProgram === program && !i.percussion);
    if (exact) return exact;
    const range = PROGRAM_RANGES.find(([low, high]) => program >= low && program <= high);
    if (range) return getInstrument(range[2]);
  }
  return undefined;
}

function byDefault(part: ReadPart): InstrumentDefinition {
  if (part.staves >= 2) return getInstrument('piano') as InstrumentDefinition;
  const clef = part.firstClef?.sign === 'C' ? 'viola' : part.firstClef?.sign === 'F' ? 'cello' : part.firstClef?.sign === 'TAB' ? 'acoustic-guitar' : 'violin';
  return getInstrument(clef) as InstrumentDefinition;
}

export interface InstrumentMatch {
  instrument: InstrumentDefinition;
  /** Why the match is a guess, when it is one. */
  warning?: string;
}

export function matchInstrument(part: ReadPart): InstrumentMatch {
  const { info } = part;
  const drums = part.percussion || info.midiChannels.includes(10) ? getInstrument('drum-set') : undefined;
  const found = bySound(info.soundIds) ?? drums ?? byName([info.name, ...info.instrumentNames]) ?? byProgram(info.midiPrograms);
  if (!found) {
    const instrument = byDefault(part);
    return { instrument, warning: `No instrument in the catalogue matches "${info.name}"; it was imported as ${instrument.name}.` };
  }
  if (found.staves === 1 && part.staves >= 2) {
    const instrument = byDefault(part);
    return { instrument, warning: `${found.name} has one staff but "${info.name}" has ${part.staves}; it was imported as ${instrument.name}.` };
  }
  return { instrument: found };
}
