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
import { requireActive, spliceEntries, updateChord, updateEntry, updateVoice } from './paths';

export function evolveSplice(state: ScoreState, event: NoteWritten | DurationChanged | VoiceEntriesRestored): ScoreState {
  const { afterEntryId, removed, inserted } = event.data;
  return updateVoice(requireActive(state, event.type), event.data, event.type, (entries) =>
    spliceEntries(entries, afterEntryId, removed, inserted, event.type),
  );
}

export function evolveNoteDeleted(state: ScoreState, event: NoteDeleted): ScoreState {
  return updateEntry(requireActive(state, event.type), event.data, event.type, (entry) => {
    if (entry.kind !== 'chord') throw new EventDoesNotApply(event.type, 'the entry is a rest', { entryId: entry.id });
    return { kind: 'rest', id: entry.id, duration: entry.duration };
  });
}

export function evolveNoteRestored(state: ScoreState, event: NoteRestored): ScoreState {
  return updateEntry(requireActive(state, event.type), event.data, event.type, (entry) => {
    if (entry.kind !== 'rest') throw new EventDoesNotApply(event.type, 'the entry is not a rest', { entryId: entry.id });
    return event.data.restored;
  });
}

function updateNote(chord: ChordEntry, noteId: string, eventType: string, update: (n: Note) => Note): ChordEntry {
  const index = chord.notes.findIndex((n) => n.id === noteId);
  if (index < 0) throw new EventDoesNotApply(eventType, 'no such note', { noteId });
  const notes = chord.notes.slice();
  notes[index] = update(notes[index]);
  return withChord(chord, { notes });
}

export function evolveNotePitchChanged(state: ScoreState, event: NotePitchChanged): ScoreState {
  const { noteId, to } = event.data;
  return updateChord(requireActive(state, event.type), event.data, event.type, (chord) =>
    updateNote(chord, noteId, event.type, (n) => ({ id: n.id, pitch: to, tie: n.tie })),
  );
}

export function evolveTie(state: ScoreState, event: TieAdded | TieRemoved): ScoreState {
  const tie = event.type === 'TieAdded';
  return updateChord(requireActive(state, event.type), event.data, event.type, (chord) =>
    updateNote(chord, event.data.noteId, event.type, (n) => ({ id: n.id, pitch: n.pitch, tie })),
  );
}

export function evolveChordPitchAdded(state: ScoreState, event: ChordPitchAdded): ScoreState {
  const { note, index } = event.data;
  return updateChord(requireActive(state, event.type), event.data, event.type, (chord) => {
    const notes = chord.notes.slice();
    notes.splice(index, 0, note);
    return withChord(chord, { notes });
  });
}

export function evolveChordPitchRemoved(state: ScoreState, event: ChordPitchRemoved): ScoreState {
  const { note, index } = event.data;
  return updateChord(requireActive(state, event.type), event.data, event.type, (chord) => {
    if (chord.notes[index]?.id !== note.id) throw new EventDoesNotApply(event.type, 'no such note there', { noteId: note.id });
    return withChord(chord, { notes: chord.notes.filter((_, i) => i !== index) });
  });
}

export function evolveArticulationAdded(state: ScoreState, event: ArticulationAdded): ScoreState {
  const { articulation, index } = event.data;
  return updateChord(requireActive(state, event.type), event.data, event.type, (chord) => {
    const articulations = chord.articulations.slice();
    articulations.splice(index, 0, articulation);
    return withChord(chord, { articulations });
  });
}

export function evolveArticulationRemoved(state: ScoreState, event: ArticulationRemoved): ScoreState {
  const { articulation, index } = event.data;
  return updateChord(requireActive(state, event.type), event.data, event.type, (chord) => {
    if (chord.articulations[index] !== articulation) {
      throw new EventDoesNotApply(event.type, 'no such articulation there', { articulation });
    }
    return withChord(chord, { articulations: chord.articulations.filter((_, i) => i !== index) });
  });
}

/** Lyrics stay sorted by verse, one per verse. */
function putLyric(lyrics: readonly Lyric[], lyric: Lyric): Lyric[] {
  const others = lyrics.filter((l) => l.verse !== lyric.verse);
  const at = others.findIndex((l) => l.verse > lyric.verse);
  others.splice(at < 0 ? others.length : at, 0, lyric);
  return others;
}

export function evolveLyricSet(state: ScoreState, event: LyricSet): ScoreState {
  return updateChord(requireActive(state, event.type), event.data, event.type, (chord) =>
    withChord(chord, { lyrics: putLyric(chord.lyrics, event.data.to) }),
  );
}

export function evolveLyricCleared(state: ScoreState, event: LyricCleared): ScoreState {
  const { verse } = event.data.lyric;
  return updateChord(requireActive(state, event.type), event.data, event.type, (chord) => {
    if (!chord.lyrics.some((l) => l.verse === verse)) throw new EventDoesNotApply(event.type, 'no lyric in that verse', { verse });
    return withChord(chord, { lyrics: chord.lyrics.filter((l) => l.verse !== verse) });
  });
}
