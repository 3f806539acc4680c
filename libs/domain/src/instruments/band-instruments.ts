import { parseInterval } from '../music/interval';
import type { Clef } from '../music/music.types';
import { parsePitch } from '../music/pitch';
import type { InstrumentDefinition, InstrumentFamily } from './instrument.types';
import type { SoundId } from './sounds.generated';

const TREBLE: Clef = { sign: 'G', line: 2 };
const TREBLE_8VB: Clef = { sign: 'G', line: 2, octaveChange: -1 };
const BASS: Clef = { sign: 'F', line: 4 };
const ALTO: Clef = { sign: 'C', line: 3 };
const PERCUSSION: Clef = { sign: 'percussion', line: 2 };

/** Transposition as an interval name ('-M2'), range as sounding pitch names: the table stays readable. */
interface Row {
  id: string;
  name: string;
  abbr: string;
  family: InstrumentFamily;
  sound: SoundId;
  program: number;
  clefs: Clef[];
  transposition: string;
  range: [string, string];
  percussion?: true;
}

function define(row: Row): InstrumentDefinition {
  const { abbr, sound, program, clefs, range, transposition, ...rest } = row;
  return {
    ...rest,
    abbreviation: abbr,
    soundId: sound,
    midiProgram: program,
    staves: clefs.length === 2 ? 2 : 1,
    clefs,
    transposition: parseInterval(transposition),
    range: { lowest: parsePitch(range[0]), highest: parsePitch(range[1]) },
  };
}

const WOODWINDS: Row[] = [
  { id: 'piccolo', name: 'Piccolo', abbr: 'Picc.', family: 'woodwinds', sound: 'wind.flutes.flute.piccolo', program: 73, clefs: [TREBLE], transposition: 'P8', range: ['D5', 'C8'] },
  { id: 'flute', name: 'Flute', abbr: 'Fl.', family: 'woodwinds', sound: 'wind.flutes.flute', program: 74, clefs: [TREBLE], transposition: 'P1', range: ['C4', 'D7'] },
  { id: 'oboe', name: 'Oboe', abbr: 'Ob.', family: 'woodwinds', sound: 'wind.reed.oboe', program: 69, clefs: [TREBLE], transposition: 'P1', range: ['Bb3', 'A6'] },
  { id: 'english-horn', name: 'English Horn', abbr: 'E. Hn.', family: 'woodwinds', sound: 'wind.reed.english-horn', program: 70, clefs: [TREBLE], transposition: '-P5', range: ['E3', 'C6'] },
  { id: 'bassoon', name: 'Bassoon', abbr: 'Bsn.', family: 'woodwinds', sound: 'wind.reed.bassoon', program: 71, clefs: [BASS], transposition: 'P1', range: ['Bb1', 'E5'] },
  { id: 'clarinet-bb', name: 'Clarinet in B♭', abbr: 'Cl.', family: 'woodwinds', sound: 'wind.reed.clarinet.bflat', program: 72, clefs: [TREBLE], transposition: '-M2', range: ['D3', 'Bb6'] },
  { id: 'clarinet-eb', name: 'Clarinet in E♭', abbr: 'E♭ Cl.', family: 'woodwinds', sound: 'wind.reed.clarinet.eflat', program: 72, clefs: [TREBLE], transposition: 'm3', range: ['G3', 'Bb6'] },
  { id: 'clarinet-a', name: 'Clarinet in A', abbr: 'Cl. A', family: 'woodwinds', sound: 'wind.reed.clarinet.a', program: 72, clefs: [TREBLE], transposition: '-m3', range: ['C#3', 'A6'] },
  { id: 'bass-clarinet', name: 'Bass Clarinet', abbr: 'B. Cl.', family: 'woodwinds', sound: 'wind.reed.clarinet.bass', program: 72, clefs: [TREBLE], transposition: '-M9', range: ['Bb1', 'F5'] },
  { id: 'soprano-sax', name: 'Soprano Saxophone', abbr: 'S. Sax.', family: 'woodwinds', sound: 'wind.reed.saxophone.soprano', program: 65, clefs: [TREBLE], transposition: '-M2', range: ['Ab3', 'E6'] },
  { id: 'alto-sax', name: 'Alto Saxophone', abbr: 'A. Sax.', family: 'woodwinds', sound: 'wind.reed.saxophone.alto', program: 66, clefs: [TREBLE], transposition: '-M6', range: ['Db3', 'A5'] },
  { id: 'tenor-sax', name: 'Tenor Saxophone', abbr: 'T. Sax.', family: 'woodwinds', sound: 'wind.reed.saxophone.tenor', program: 67, clefs: [TREBLE], transposition: '-M9', range: ['Ab2', 'E5'] },
  { id: 'baritone-sax', name: 'Baritone Saxophone', abbr: 'Bar. Sax.', family: 'woodwinds', sound: 'wind.reed.saxophone.baritone', program: 68, clefs: [TREBLE], transposition: '-M13', range: ['C2', 'A4'] },
];

const BRASS: Row[] = [
  { id: 'horn-f', name: 'Horn in F', abbr: 'Hn.', family: 'brass', sound: 'brass.french-horn', program: 61, clefs: [TREBLE], transposition: '-P5', range: ['B1', 'F5'] },
  { id: 'trumpet-bb', name: 'Trumpet in B♭', abbr: 'Tpt.', family: 'brass', sound: 'brass.trumpet.bflat', program: 57, clefs: [TREBLE], transposition: '-M2', range: ['E3', 'C6'] },
  { id: 'trumpet-c', name: 'Trumpet in C', abbr: 'C Tpt.', family: 'brass', sound: 'brass.trumpet.c', program: 57, clefs: [TREBLE], transposition: 'P1', range: ['F#3', 'D6'] },
  { id: 'cornet-bb', name: 'Cornet in B♭', abbr: 'Cnt.', family: 'brass', sound: 'brass.cornet', program: 57, clefs: [TREBLE], transposition: '-M2', range: ['E3', 'Bb5'] },
  { id: 'flugelhorn', name: 'Flugelhorn', abbr: 'Flg.', family: 'brass', sound: 'brass.flugelhorn', program: 57, clefs: [TREBLE], transposition: '-M2', range: ['E3', 'Bb5'] },
  { id: 'trombone', name: 'Trombone', abbr: 'Tbn.', family: 'brass', sound: 'brass.trombone', program: 58, clefs: [BASS], transposition: 'P1', range: ['E2', 'F5'] },
  { id: 'bass-trombone', name: 'Bass Trombone', abbr: 'B. Tbn.', family: 'brass', sound: 'brass.trombone.bass', program: 58, clefs: [BASS], transposition: 'P1', range: ['Bb1', 'Bb4'] },
  { id: 'euphonium', name: 'Euphonium', abbr: 'Euph.', family: 'brass', sound: 'brass.euphonium', program: 59, clefs: [BASS], transposition: 'P1', range: ['Bb1', 'C5'] },
  { id: 'tuba', name: 'Tuba', abbr: 'Tba.', family: 'brass', sound: 'brass.tuba', program: 59, clefs: [BASS], transposition: 'P1', range: ['D1', 'F4'] },
];

const STRINGS: Row[] = [
  { id: 'violin', name: 'Violin', abbr: 'Vln.', family: 'strings', sound: 'strings.violin', program: 41, clefs: [TREBLE], transposition: 'P1', range: ['G3', 'A7'] },
  { id: 'viola', name: 'Viola', abbr: 'Vla.', family: 'strings', sound: 'strings.viola', program: 42, clefs: [ALTO], transposition: 'P1', range: ['C3', 'E6'] },
  { id: 'cello', name: 'Violoncello', abbr: 'Vc.', family: 'strings', sound: 'strings.cello', program: 43, clefs: [BASS], transposition: 'P1', range: ['C2', 'C6'] },
  { id: 'double-bass', name: 'Double Bass', abbr: 'Cb.', family: 'strings', sound: 'strings.contrabass', program: 44, clefs: [BASS], transposition: '-P8', range: ['E1', 'G4'] },
];

const KEYBOARDS_AND_GUITARS: Row[] = [
  { id: 'piano', name: 'Piano', abbr: 'Pno.', family: 'keyboards', sound: 'keyboard.piano', program: 1, clefs: [TREBLE, BASS], transposition: 'P1', range: ['A0', 'C8'] },
  { id: 'organ', name: 'Organ', abbr: 'Org.', family: 'keyboards', sound: 'keyboard.organ', program: 20, clefs: [TREBLE, BASS], transposition: 'P1', range: ['C2', 'C7'] },
  { id: 'electric-piano', name: 'Electric Piano', abbr: 'E. Pno.', family: 'keyboards', sound: 'keyboard.piano.electric', program: 5, clefs: [TREBLE, BASS], transposition: 'P1', range: ['E1', 'G7'] },
  { id: 'synthesizer', name: 'Synthesizer', abbr: 'Synth.', family: 'electronic', sound: 'synth.tone.sawtooth', program: 82, clefs: [TREBLE, BASS], transposition: 'P1', range: ['C1', 'C8'] },
  { id: 'acoustic-guitar', name: 'Acoustic Guitar', abbr: 'A. Gtr.', family: 'plucked-strings', sound: 'pluck.guitar.acoustic', program: 26, clefs: [TREBLE_8VB], transposition: '-P8', range: ['E2', 'B5'] },
  { id: 'electric-guitar', name: 'Electric Guitar', abbr: 'E. Gtr.', family: 'plucked-strings', sound: 'pluck.guitar.electric', program: 28, clefs: [TREBLE_8VB], transposition: '-P8', range: ['E2', 'E6'] },
  { id: 'bass-guitar', name: 'Bass Guitar', abbr: 'B. Gtr.', family: 'plucked-strings', sound: 'pluck.bass.electric', program: 34, clefs: [BASS], transposition: '-P8', range: ['E1', 'G4'] },
];

const PERCUSSION_ROWS: Row[] = [
  // A kit's "range" is the General MIDI drum map (35 Acoustic Bass Drum .. 81 Open Triangle).
  { id: 'drum-set', name: 'Drum Set', abbr: 'D. Set', family: 'percussion', sound: 'drum.group.set', program: 1, clefs: [PERCUSSION], transposition: 'P1', range: ['B1', 'A5'], percussion: true },
  { id: 'timpani', name: 'Timpani', abbr: 'Timp.', family: 'percussion', sound: 'drum.timpani', program: 48, clefs: [BASS], transposition: 'P1', range: ['C2', 'C4'] },
  { id: 'glockenspiel', name: 'Glockenspiel', abbr: 'Glock.', family: 'percussion', sound: 'pitched-percussion.glockenspiel', program: 10, clefs: [TREBLE], transposition: 'P15', range: ['G5', 'C8'] },
  { id: 'xylophone', name: 'Xylophone', abbr: 'Xyl.', family: 'percussion', sound: 'pitched-percussion.xylophone', program: 14, clefs: [TREBLE], transposition: 'P8', range: ['F4', 'C8'] },
  { id: 'vibraphone', name: 'Vibraphone', abbr: 'Vib.', family: 'percussion', sound: 'pitched-percussion.vibraphone', program: 12, clefs: [TREBLE], transposition: 'P1', range: ['F3', 'F6'] },
  { id: 'marimba', name: 'Marimba', abbr: 'Mar.', family: 'percussion', sound: 'pitched-percussion.marimba', program: 13, clefs: [TREBLE, BASS], transposition: 'P1', range: ['C2', 'C7'] },
];

const VOICES: Row[] = [
  { id: 'soprano', name: 'Soprano', abbr: 'S.', family: 'voices', sound: 'voice.soprano', program: 53, clefs: [TREBLE], transposition: 'P1', range: ['C4', 'C6'] },
  { id: 'alto', name: 'Alto', abbr: 'A.', family: 'voices', sound: 'voice.alto', program: 53, clefs: [TREBLE], transposition: 'P1', range: ['F3', 'F5'] },
  { id: 'tenor', name: 'Tenor', abbr: 'T.', family: 'voices', sound: 'voice.tenor', program: 53, clefs: [TREBLE_8VB], transposition: '-P8', range: ['C3', 'C5'] },
  { id: 'bass', name: 'Bass', abbr: 'B.', family: 'voices', sound: 'voice.bass', program: 53, clefs: [BASS], transposition: 'P1', range: ['E2', 'E4'] },
];

/** The common band, orchestra and rhythm-section instruments, in score order. */
export const BAND_INSTRUMENTS: readonly InstrumentDefinition[] = Object.freeze(
  [...WOODWINDS, ...BRASS, ...PERCUSSION_ROWS, ...KEYBOARDS_AND_GUITARS, ...VOICES, ...STRINGS].map(define),
);
