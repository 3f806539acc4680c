import { keySignatureAt, timeSignatureAt } from '../score/queries/attributes';
import type { ChordSymbol, Fraction, KeySignature } from '../music/music.types';
import type { ActiveScoreState, ScoreState } from '../score/model/score.state';
import type { Part } from '../score/model/score.types';
import { requireMeasure, requirePart, requireScore } from '../score/queries/lookup';
import { barNumber } from '../instruments/range-warnings';
import { ReferencedElementMustExist } from '../score/rules/rule-errors';
import { SelectionMustHaveNotes } from './analysis-errors';
import { detectKey, type KeyDetection } from './detect-key';
import type { HarmonicRhythm } from './melody-slots';
import { nameChord } from './name-chord';
import { notesOf, passageMeasureIndices, passageNotes, passageParts, type PassageNote, type PassageRange } from './score-passage';
import { suggestChords } from './suggest-chords';

/** Notes picked for chord naming: whole entries by id, or everything in some measures of some parts. */
export type NoteSelection =
  | { entryIds: readonly string[]; partId?: string }
  | { measureIds: readonly string[]; partIds?: readonly string[] };

function entryIdsOf(score: ActiveScoreState, parts: readonly Part[]): Set<string> {
  const ids = new Set<string>();
  for (const measure of score.measures) {
    for (const part of parts) {
      for (const staff of measure.content[part.id].staves) for (const voice of staff.voices) for (const e of voice) ids.add(e.id);
    }
  }
  return ids;
}

/** Every note of the named entries; an id that is no entry of those parts is refused, a rest adds nothing. */
function notesOfEntries(score: ActiveScoreState, entryIds: readonly string[], partId: string | undefined): PassageNote[] {
  const parts = partId === undefined ? score.parts : [requirePart(score, partId).part];
  const known = entryIdsOf(score, parts);
  const missing = entryIds.find((id) => !known.has(id));
  if (missing !== undefined) throw new ReferencedElementMustExist({ kind: 'entry', id: missing });
  const wanted = new Set(entryIds);
  return notesOf(score, parts, score.measures.map((_, i) => i)).filter((n) => wanted.has(n.entryId));
}

function selectedNotes(state: ScoreState, selection: NoteSelection): PassageNote[] {
  const score = requireScore(state, 'nameSelectedChord');
  if ('entryIds' in selection) return notesOfEntries(score, selection.entryIds, selection.partId);
  const indices = [...new Set(selection.measureIds.map((id) => requireMeasure(score, id).index))].sort((a, b) => a - b);
  return notesOf(score, passageParts(score, selection.partIds), indices);
}

/** The chord the selected notes form, best reading first ([] when they name none). Empty selections are refused. */
export function nameSelectedChord(state: ScoreState, selection: NoteSelection): ChordSymbol[] {
  const notes = selectedNotes(state, selection);
  if (notes.length === 0) throw new SelectionMustHaveNotes({});
  return nameChord(notes.map((n) => n.pitch));
}

/** The key of a passage (concert pitch), from its notes' durations. Throws NOT_ENOUGH_NOTES when nothing sounds. */
export function passageKey(state: ScoreState, range: PassageRange): KeyDetection {
  const score = requireScore(state, 'passageKey');
  return detectKey(passageNotes(score, range).map(({ pitch, duration }) => ({ pitch, duration })));
}

export interface PassageChordSuggestion {
  measureId: string;
  bar: number;
  offset: Fraction;
  chord: ChordSymbol;
  score: number;
}

export interface PassageChords {
  /** The key signature in force where the passage starts: the key the chords are chosen in. */
  key: KeySignature;
  suggestions: PassageChordSuggestion[];
}

/** Chord symbols for one part's melody, in the key signature in force at the start of the passage. */
export function passageChords(
  state: ScoreState,
  range: Omit<PassageRange, 'partIds'> & { partId: string },
  per: HarmonicRhythm,
): PassageChords {
  const score = requireScore(state, 'passageChords');
  const indices = passageMeasureIndices(score, range);
  const melody = notesOf(score, [requirePart(score, range.partId).part], indices).map((n) => ({
    pitch: n.pitch, offset: n.offset, duration: n.duration, bar: n.measureIndex,
  }));
  const key = keySignatureAt(score, indices[0]);
  const suggestions = suggestChords(melody, { key, timeSignature: (bar) => timeSignatureAt(score, bar), per });
  return {
    key,
    suggestions: suggestions.map(({ bar, offset, chord, score: fit }) => ({
      measureId: score.measures[bar].id, bar: barNumber(score, bar), offset, chord, score: fit,
    })),
  };
}
