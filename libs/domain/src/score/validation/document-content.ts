import { durationToFraction } from '../../music/duration';
import { addF, formatF, lteF, ltF, ZERO } from '../../music/fraction';
import type { Fraction } from '../../music/music.types';
import { compareMarks } from '../evolve/marks.list';
import type {
  Articulation,
  ChordEntry,
  Lyric,
  Part,
  PartMeasure,
  StaffMeasure,
  VoiceEntry,
} from '../model/score.types';
import { requireDistinctPitches } from '../decide/notes.decide';
import { tupletsAreComplete } from '../decide/tuplets';
import {
  NoteMustFitInMeasure,
  OffsetMustBeWithinMeasure,
  ScoreDocumentMustBeWellFormed,
  TupletMustBeComplete,
} from '../rules/rule-errors';
import { requireChordSymbol, requireClef } from './attributes';
import { requireClientId, requireElementId } from './ids';
import {
  isRecord,
  requireBoolean,
  requireDuration,
  requireFraction,
  requireInteger,
  requireOneOf,
  requirePitch,
  requireText,
} from './values';

/** What content checks need to know about the measure they are in. */
export interface MeasureFrame {
  measureId: string;
  length: Fraction;
}

export function requireArray(path: string, value: unknown, min = 0, max = 100_000): unknown[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) {
    throw new ScoreDocumentMustBeWellFormed({ path, problem: `must be a list of ${min} to ${max} items` });
  }
  return value;
}

export function requireObject(path: string, value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw new ScoreDocumentMustBeWellFormed({ path, problem: 'must be an object' });
  return value;
}

const ARTICULATIONS: readonly Articulation[] = ['staccato', 'accent', 'tenuto', 'marcato', 'fermata'];
const SYLLABICS: readonly Lyric['syllabic'][] = ['single', 'begin', 'middle', 'end'];

function chordOf(raw: Record<string, unknown>, path: string): ChordEntry {
  const notes = requireArray(`${path}.notes`, raw.notes, 1, 16).map((n, i) => {
    const note = requireObject(`${path}.notes[${i}]`, n);
    return { id: requireClientId('note id', note.id), pitch: requirePitch(note.pitch), tie: requireBoolean('tie', note.tie) };
  });
  requireDistinctPitches(notes);
  const articulations = requireArray(`${path}.articulations`, raw.articulations, 0, 5).map((a) =>
    requireOneOf('articulation', a, ARTICULATIONS),
  );
  if (new Set(articulations).size !== articulations.length) {
    throw new ScoreDocumentMustBeWellFormed({ path: `${path}.articulations`, problem: 'repeats an articulation' });
  }
  const lyrics = requireArray(`${path}.lyrics`, raw.lyrics, 0, 10)
    .map((l) => {
      const lyric = requireObject(`${path}.lyrics`, l);
      return {
        verse: requireInteger('verse', lyric.verse, 1, 10),
        text: requireText('lyric', lyric.text, { max: 50 }),
        syllabic: requireOneOf('syllabic', lyric.syllabic, SYLLABICS),
      };
    })
    .sort((a, b) => a.verse - b.verse);
  if (lyrics.some((l, i) => i > 0 && lyrics[i - 1].verse === l.verse)) {
    throw new ScoreDocumentMustBeWellFormed({ path: `${path}.lyrics`, problem: 'has two lyrics in one verse' });
  }
  const id = requireElementId('entry id', raw.id);
  return { kind: 'chord', id, duration: requireDuration(raw.duration), notes, articulations, lyrics };
}

function entryOf(value: unknown, path: string): VoiceEntry {
  const raw = requireObject(path, value);
  if (raw.kind === 'rest') return { kind: 'rest', id: requireElementId('entry id', raw.id), duration: requireDuration(raw.duration) };
  if (raw.kind === 'chord') return chordOf(raw, path);
  throw new ScoreDocumentMustBeWellFormed({ path: `${path}.kind`, problem: 'must be "chord" or "rest"' });
}

function voiceOf(value: unknown, path: string, frame: MeasureFrame, voice: number): VoiceEntry[] {
  const entries = requireArray(path, value, 0, 256).map((e, i) => entryOf(e, `${path}[${i}]`));
  const end = entries.reduce((at, e) => addF(at, durationToFraction(e.duration)), ZERO);
  if (ltF(frame.length, end)) {
    const { measureId } = frame;
    throw new NoteMustFitInMeasure({ measureId, offset: '0', length: formatF(end), measureLength: formatF(frame.length) });
  }
  if (!tupletsAreComplete(entries)) throw new TupletMustBeComplete({ measureId: frame.measureId, voice });
  return entries;
}

/** Marks at an offset inside the measure, sorted the way evolve keeps them. */
function marksOf<T extends { id: string; offset: Fraction }>(
  path: string,
  value: unknown,
  frame: MeasureFrame,
  build: (raw: Record<string, unknown>, id: string, offset: Fraction) => T,
): T[] {
  const marks = requireArray(path, value, 0, 512).map((m, i) => {
    const raw = requireObject(`${path}[${i}]`, m);
    const offset = requireFraction('offset', raw.offset);
    if (lteF(frame.length, offset)) {
      throw new OffsetMustBeWithinMeasure({ measureId: frame.measureId, offset: formatF(offset), measureLength: formatF(frame.length) });
    }
    return build(raw, requireClientId('mark id', raw.id), offset);
  });
  return marks.sort(compareMarks);
}

function positionOf(raw: unknown, path: string): { measureId: string; offset: Fraction } {
  const end = requireObject(path, raw);
  return { measureId: requireClientId('end.measureId', end.measureId), offset: requireFraction('end.offset', end.offset) };
}

function staffOf(value: unknown, path: string, frame: MeasureFrame): StaffMeasure {
  const raw = requireObject(path, value);
  const voices = requireArray(`${path}.voices`, raw.voices, 4, 4).map((v, i) => voiceOf(v, `${path}.voices[${i}]`, frame, i + 1));
  return {
    clef: raw.clef === null ? null : requireClef(raw.clef),
    voices,
    dynamics: marksOf(`${path}.dynamics`, raw.dynamics, frame, (r, id, offset) => ({
      id,
      offset,
      value: requireOneOf('dynamic', r.value, ['ppp', 'pp', 'p', 'mp', 'mf', 'f', 'ff', 'fff', 'sf', 'sfz', 'fp'] as const),
    })),
    hairpins: marksOf(`${path}.hairpins`, raw.hairpins, frame, (r, id, offset) => ({
      id,
      kind: requireOneOf('hairpin kind', r.kind, ['crescendo', 'diminuendo'] as const),
      offset,
      end: positionOf(r.end, `${path}.hairpins.end`),
    })),
    slurs: marksOf(`${path}.slurs`, raw.slurs, frame, (r, id, offset) => ({
      id,
      voice: requireInteger('slur voice', r.voice, 1, 4) as 1 | 2 | 3 | 4,
      offset,
      end: positionOf(r.end, `${path}.slurs.end`),
    })),
    texts: marksOf(`${path}.texts`, raw.texts, frame, (r, id, offset) => ({ id, offset, text: requireText('text', r.text, { max: 100 }) })),
  };
}

export function partMeasureOf(value: unknown, path: string, part: Part, frame: MeasureFrame): PartMeasure {
  const raw = requireObject(path, value);
  const staves = requireArray(`${path}.staves`, raw.staves, part.staves, part.staves).map((s, i) =>
    staffOf(s, `${path}.staves[${i}]`, frame),
  );
  const chordSymbols = marksOf(`${path}.chordSymbols`, raw.chordSymbols, frame, (r, id, offset) => ({
    id,
    offset,
    symbol: requireChordSymbol(r.symbol),
  }));
  return { staves, chordSymbols };
}
