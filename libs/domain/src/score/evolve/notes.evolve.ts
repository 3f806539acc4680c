import { EventDoesNotApply } from '../../errors/event-does-not-apply';
import type {
  ArticulationAdded,
  ArticulationRemoved,
  ChordPitchAdded,
  ChordPitchRemoved,
  DurationChanged,
  LyricCleared,
  LyricSet,
  NoteDeleted,
  NotePitchChanged,
  NoteRestored,
  NoteWritten,
  TieAdded,
  TieRemoved,
  VoiceEntriesRestored,
} from '../events/note.events';
import type { ScoreState } from '../model/score.state';
import type { ChordEntry, Lyric, Note } from '../model/score.types';
import { withChord } from '../model/copy';
import {
  chordAt,
  entrySpot,
  requireActive,
  spliceEntries,
  voiceAt,
  voiceLocator,
  withEntry,
  withVoiceEntries,
} from './paths';

/*
 * Each handler finds the entry it changes once (`entrySpot`, checking the path: O(path)) and writes it back
 * with `withEntry`, so the hot note edits allocate only the copied path and the new values, no closures.
 */

export function evolveSplice(state: ScoreState, event: NoteWritten | DurationChanged | VoiceEntriesRestored): ScoreState {
  const s = requireActive(state, event.type);
  const { afterEntryId, removed, inserted } = event.data;
  const loc = voiceLocator(event.data);
  const entries = voiceAt(s, loc, event.type);
  const spliced = spliceEntries(entries, afterEntryId, removed, inserted, event.type);
  return spliced === entries ? s : withVoiceEntries(s, loc, spliced);
}

export function evolveNoteDeleted(state: ScoreState, event: NoteDeleted): ScoreState {
  const s = requireActive(state, event.type);
  const spot = entrySpot(s, event.data, event.type);
  const chord = chordAt(spot, event.type);
  return withEntry(s, spot, { kind: 'rest', id: chord.id, duration: chord.duration });
}

export function evolveNoteRestored(state: ScoreState, event: NoteRestored): ScoreState {
  const s = requireActive(state, event.type);
  const spot = entrySpot(s, event.data, event.type);
  const entry = spot.entries[spot.index];
  if (entry.kind !== 'rest') throw new EventDoesNotApply(event.type, 'the entry is not a rest', { entryId: entry.id });
  return withEntry(s, spot, event.data.restored);
}

function noteIndex(chord: ChordEntry, noteId: string, eventType: string): number {
  for (let i = 0; i < chord.notes.length; i++) if (chord.notes[i].id === noteId) return i;
  throw new EventDoesNotApply(eventType, 'no such note', { noteId });
}

function withNote(chord: ChordEntry, index: number, note: Note): ChordEntry {
  const notes = chord.notes.slice();
  notes[index] = note;
  return withChord(chord, { notes });
}

export function evolveNotePitchChanged(state: ScoreState, event: NotePitchChanged): ScoreState {
  const s = requireActive(state, event.type);
  const spot = entrySpot(s, event.data, event.type);
  const chord = chordAt(spot, event.type);
  const index = noteIndex(chord, event.data.noteId, event.type);
  const n = chord.notes[index];
  return withEntry(s, spot, withNote(chord, index, { id: n.id, pitch: event.data.to, tie: n.tie }));
}

export function evolveTie(state: ScoreState, event: TieAdded | TieRemoved): ScoreState {
  const s = requireActive(state, event.type);
  const spot = entrySpot(s, event.data, event.type);
  const chord = chordAt(spot, event.type);
  const index = noteIndex(chord, event.data.noteId, event.type);
  const n = chord.notes[index];
  return withEntry(s, spot, withNote(chord, index, { id: n.id, pitch: n.pitch, tie: event.type === 'TieAdded' }));
}

export function evolveChordPitchAdded(state: ScoreState, event: ChordPitchAdded): ScoreState {
  const s = requireActive(state, event.type);
  const spot = entrySpot(s, event.data, event.type);
  const chord = chordAt(spot, event.type);
  const notes = chord.notes.slice();
  notes.splice(event.data.index, 0, event.data.note);
  return withEntry(s, spot, withChord(chord, { notes }));
}

export function evolveChordPitchRemoved(state: ScoreState, event: ChordPitchRemoved): ScoreState {
  const { note, index } = event.data;
  const s = requireActive(state, event.type);
  const spot = entrySpot(s, event.data, event.type);
  const chord = chordAt(spot, event.type);
  if (chord.notes[index]?.id !== note.id) throw new EventDoesNotApply(event.type, 'no such note there', { noteId: note.id });
  const notes = chord.notes.slice();
  notes.splice(index, 1);
  return withEntry(s, spot, withChord(chord, { notes }));
}

export function evolveArticulationAdded(state: ScoreState, event: ArticulationAdded): ScoreState {
  const s = requireActive(state, event.type);
  const spot = entrySpot(s, event.data, event.type);
  const chord = chordAt(spot, event.type);
  const articulations = chord.articulations.slice();
  articulations.splice(event.data.index, 0, event.data.articulation);
  return withEntry(s, spot, withChord(chord, { articulations }));
}

export function evolveArticulationRemoved(state: ScoreState, event: ArticulationRemoved): ScoreState {
  const { articulation, index } = event.data;
  const s = requireActive(state, event.type);
  const spot = entrySpot(s, event.data, event.type);
  const chord = chordAt(spot, event.type);
  if (chord.articulations[index] !== articulation) {
    throw new EventDoesNotApply(event.type, 'no such articulation there', { articulation });
  }
  const articulations = chord.articulations.slice();
  articulations.splice(index, 1);
  return withEntry(s, spot, withChord(chord, { articulations }));
}

/** Lyrics stay sorted by verse, one per verse. */
function putLyric(lyrics: readonly Lyric[], lyric: Lyric): Lyric[] {
  const result: Lyric[] = [];
  let placed = false;
  for (let i = 0; i < lyrics.length; i++) {
    const l = lyrics[i];
    if (!placed && l.verse >= lyric.verse) {
      result.push(lyric);
      placed = true;
    }
    if (l.verse !== lyric.verse) result.push(l);
  }
  if (!placed) result.push(lyric);
  return result;
}

export function evolveLyricSet(state: ScoreState, event: LyricSet): ScoreState {
  const s = requireActive(state, event.type);
  const spot = entrySpot(s, event.data, event.type);
  const chord = chordAt(spot, event.type);
  return withEntry(s, spot, withChord(chord, { lyrics: putLyric(chord.lyrics, event.data.to) }));
}

export function evolveLyricCleared(state: ScoreState, event: LyricCleared): ScoreState {
  const { verse } = event.data.lyric;
  const s = requireActive(state, event.type);
  const spot = entrySpot(s, event.data, event.type);
  const chord = chordAt(spot, event.type);
  if (!chord.lyrics.some((l) => l.verse === verse)) throw new EventDoesNotApply(event.type, 'no lyric in that verse', { verse });
  return withEntry(s, spot, withChord(chord, { lyrics: chord.lyrics.filter((l) => l.verse !== verse) }));
}
