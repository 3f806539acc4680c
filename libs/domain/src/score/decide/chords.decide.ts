import type {
  AddChordPitch,
  ChangePitch,
  ClearLyric,
  RemoveChordPitch,
  SetArticulation,
  SetLyric,
  SetTie,
} from '../commands/note.commands';
import type { EntryTarget } from '../commands/command';
import type { ScoreEvent } from '../events/score-event';
import type { ActiveScoreState, ScoreState } from '../model/score.state';
import type { Articulation, ChordEntry, Lyric, Syllabic } from '../model/score.types';
import { pitchToMidi } from '../../music/pitch';
import { requireFreshInMeasure } from '../queries/ids';
import { requireEntry, requireScore, type EntryContext } from '../queries/lookup';
import {
  ChordMustKeepAtLeastOnePitch,
  EntryMustBeAChord,
  ReferencedElementMustExist,
  TieMustConnectEqualPitches,
} from '../rules/rule-errors';
import { requireClientId } from '../validation/ids';
import { requireBoolean, requireInteger, requireOneOf, requirePitch, requireText } from '../validation/values';
import { requireDistinctPitches } from './notes.decide';
import { sameValue } from './same-value';

const ARTICULATIONS: readonly Articulation[] = ['staccato', 'accent', 'tenuto', 'marcato', 'fermata'];
const SYLLABICS: readonly Syllabic[] = ['single', 'begin', 'middle', 'end'];

type ChordContext = EntryContext & { entry: ChordEntry };

function requireChord(state: ScoreState, type: string, target: EntryTarget): ChordContext & { s: ActiveScoreState } {
  const s = requireScore(state, type);
  const ctx = requireEntry(s, target);
  if (ctx.entry.kind !== 'chord') throw new EntryMustBeAChord({ entryId: ctx.entry.id });
  return { ...(ctx as ChordContext), s };
}

function requireNote(chord: ChordEntry, noteId: unknown): number {
  const index = chord.notes.findIndex((n) => n.id === noteId);
  if (index < 0) throw new ReferencedElementMustExist({ kind: 'note', id: noteId });
  return index;
}

export function decideChangePitch(command: ChangePitch, state: ScoreState): ScoreEvent[] {
  const { entry, locator } = requireChord(state, command.type, command.data);
  const index = requireNote(entry, command.data.noteId);
  const to = requirePitch(command.data.pitch);
  const note = entry.notes[index];
  if (sameValue(to, note.pitch)) return [];
  requireDistinctPitches(entry.notes.map((n, i) => (i === index ? { ...n, pitch: to } : n)));
  return [{ type: 'NotePitchChanged', data: { ...locator, noteId: note.id, from: note.pitch, to } }];
}

export function decideAddChordPitch(command: AddChordPitch, state: ScoreState): ScoreEvent[] {
  const { entry, locator, measure } = requireChord(state, command.type, command.data);
  const id = requireClientId('noteId', command.data.noteId);
  const note = { id, pitch: requirePitch(command.data.pitch), tie: false };
  requireDistinctPitches([...entry.notes, note]);
  requireFreshInMeasure(measure, [id]);
  return [{ type: 'ChordPitchAdded', data: { ...locator, note, index: entry.notes.length } }];
}

export function decideRemoveChordPitch(command: RemoveChordPitch, state: ScoreState): ScoreEvent[] {
  const { entry, locator } = requireChord(state, command.type, command.data);
  const index = requireNote(entry, command.data.noteId);
  if (entry.notes.length === 1) throw new ChordMustKeepAtLeastOnePitch({ entryId: entry.id });
  return [{ type: 'ChordPitchRemoved', data: { ...locator, note: entry.notes[index], index } }];
}

/** The entry a tie leads to: the next one in the voice, or the first of the same voice in the next measure. */
function nextEntry(ctx: ChordContext & { s: ActiveScoreState }) {
  if (ctx.index + 1 < ctx.entries.length) return ctx.entries[ctx.index + 1];
  const next = ctx.s.measures[ctx.measureIndex + 1];
  return next?.content[ctx.part.id].staves[ctx.locator.staff - 1].voices[ctx.locator.voice - 1][0];
}

export function decideSetTie(command: SetTie, state: ScoreState): ScoreEvent[] {
  const ctx = requireChord(state, command.type, command.data);
  const note = ctx.entry.notes[requireNote(ctx.entry, command.data.noteId)];
  const tied = requireBoolean('tied', command.data.tied);
  if (tied === note.tie) return [];
  const data = { ...ctx.locator, noteId: note.id };
  if (!tied) return [{ type: 'TieRemoved', data }];
  const next = nextEntry(ctx);
  const midi = pitchToMidi(note.pitch);
  if (next?.kind !== 'chord' || !next.notes.some((n) => pitchToMidi(n.pitch) === midi)) {
    throw new TieMustConnectEqualPitches({ noteId: note.id });
  }
  return [{ type: 'TieAdded', data }];
}

export function decideSetArticulation(command: SetArticulation, state: ScoreState): ScoreEvent[] {
  const { entry, locator } = requireChord(state, command.type, command.data);
  const articulation = requireOneOf('articulation', command.data.articulation, ARTICULATIONS);
  const present = requireBoolean('present', command.data.present);
  const index = entry.articulations.indexOf(articulation);
  if (present === index >= 0) return [];
  return present
    ? [{ type: 'ArticulationAdded', data: { ...locator, articulation, index: entry.articulations.length } }]
    : [{ type: 'ArticulationRemoved', data: { ...locator, articulation, index } }];
}

const requireVerse = (verse: unknown): number => requireInteger('verse', verse, 1, 10);

export function decideSetLyric(command: SetLyric, state: ScoreState): ScoreEvent[] {
  const { entry, locator } = requireChord(state, command.type, command.data);
  const to: Lyric = {
    verse: requireVerse(command.data.verse),
    text: requireText('text', command.data.text, { max: 50 }),
    syllabic: command.data.syllabic === undefined ? 'single' : requireOneOf('syllabic', command.data.syllabic, SYLLABICS),
  };
  const from = entry.lyrics.find((l) => l.verse === to.verse) ?? null;
  if (sameValue(from, to)) return [];
  return [{ type: 'LyricSet', data: { ...locator, from, to } }];
}

export function decideClearLyric(command: ClearLyric, state: ScoreState): ScoreEvent[] {
  const { entry, locator } = requireChord(state, command.type, command.data);
  const verse = requireVerse(command.data.verse);
  const lyric = entry.lyrics.find((l) => l.verse === verse);
  return lyric === undefined ? [] : [{ type: 'LyricCleared', data: { ...locator, lyric } }];
}

