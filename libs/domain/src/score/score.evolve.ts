import type { ScoreEvent } from './events/score-event';
import { evolveScoreDiscarded, evolveScoreInfoUpdated, evolveScoreStarted } from './evolve/lifecycle.evolve';
import { evolveChordSymbol, evolveDynamicChanged, evolveStaffMark } from './evolve/marks.evolve';
import {
  evolveClefChanged,
  evolveMeasureChange,
  evolveMeasuresDeleted,
  evolveMeasuresInserted,
  evolveTrailingRestsRemoved,
} from './evolve/measures.evolve';
import {
  evolveArticulationAdded,
  evolveArticulationRemoved,
  evolveChordPitchAdded,
  evolveChordPitchRemoved,
  evolveLyricCleared,
  evolveLyricSet,
  evolveNoteDeleted,
  evolveNotePitchChanged,
  evolveNoteRestored,
  evolveSplice,
  evolveTie,
} from './evolve/notes.evolve';
import {
  evolveInstrumentChanged,
  evolvePartAdded,
  evolvePartMoved,
  evolvePartRemoved,
  evolvePartRenamed,
} from './evolve/parts.evolve';
import { evolveSelectionTransposed } from './evolve/transpose.evolve';
import { foldTransiently } from './evolve/transient';
import { initialScoreState, type ScoreState } from './model/score.state';

/**
 * Applies one event. Pure, and copies only the path to what the event changes (see evolve/paths.ts).
 * V8 tests the cases in order, so note entry and pitch changes, most of a score's history, come first.
 */
export function evolve(state: ScoreState, event: ScoreEvent): ScoreState {
  switch (event.type) {
    case 'NoteWritten':
    case 'DurationChanged':
    case 'VoiceEntriesRestored':
      return evolveSplice(state, event);
    case 'NotePitchChanged':
      return evolveNotePitchChanged(state, event);
    case 'ScoreCreated':
    case 'ScoreImported':
      return evolveScoreStarted(state, event);
    case 'ScoreDiscarded':
      return evolveScoreDiscarded(state, event);
    case 'ScoreInfoUpdated':
      return evolveScoreInfoUpdated(state, event);
    case 'PartAdded':
      return evolvePartAdded(state, event);
    case 'PartRemoved':
      return evolvePartRemoved(state, event);
    case 'PartMoved':
      return evolvePartMoved(state, event);
    case 'PartRenamed':
      return evolvePartRenamed(state, event);
    case 'InstrumentChanged':
      return evolveInstrumentChanged(state, event);
    case 'MeasuresInserted':
      return evolveMeasuresInserted(state, event);
    case 'MeasuresDeleted':
      return evolveMeasuresDeleted(state, event);
    case 'TimeSignatureChanged':
    case 'KeySignatureChanged':
    case 'MeasureLengthChanged':
    case 'TempoChanged':
    case 'BarlineChanged':
    case 'VoltaChanged':
    case 'RehearsalMarkChanged':
      return evolveMeasureChange(state, event);
    case 'ClefChanged':
      return evolveClefChanged(state, event);
    case 'TrailingRestsRemoved':
      return evolveTrailingRestsRemoved(state, event);
    case 'NoteDeleted':
      return evolveNoteDeleted(state, event);
    case 'NoteRestored':
      return evolveNoteRestored(state, event);
    case 'ChordPitchAdded':
      return evolveChordPitchAdded(state, event);
    case 'ChordPitchRemoved':
      return evolveChordPitchRemoved(state, event);
    case 'TieAdded':
    case 'TieRemoved':
      return evolveTie(state, event);
    case 'ArticulationAdded':
      return evolveArticulationAdded(state, event);
    case 'ArticulationRemoved':
      return evolveArticulationRemoved(state, event);
    case 'LyricSet':
      return evolveLyricSet(state, event);
    case 'LyricCleared':
      return evolveLyricCleared(state, event);
    case 'DynamicAdded':
    case 'DynamicRemoved':
    case 'HairpinAdded':
    case 'HairpinRemoved':
    case 'SlurAdded':
    case 'SlurRemoved':
    case 'TextExpressionAdded':
    case 'TextExpressionRemoved':
      return evolveStaffMark(state, event);
    case 'DynamicChanged':
      return evolveDynamicChanged(state, event);
    case 'ChordSymbolAdded':
    case 'ChordSymbolChanged':
    case 'ChordSymbolRemoved':
      return evolveChordSymbol(state, event);
    case 'SelectionTransposed':
      return evolveSelectionTransposed(state, event);
    default:
      return assertNever(event);
  }
}

function assertNever(event: never): never {
  throw new Error(`Unknown score event ${JSON.stringify((event as { type?: unknown }).type)}`);
}

/**
 * Folds events over a state: the same result as `events.reduce(evolve, state)`, faster. Within one call, a
 * container the fold has already copied is written in place by its later events instead of copied again
 * (evolve/transient.ts), so a run of edits in one region copies the measure list once, not per event.
 * Neither `state` nor any event is changed, and nothing in the returned state is changed afterwards.
 */
export function evolveAll(state: ScoreState, events: Iterable<ScoreEvent>): ScoreState {
  return foldTransiently(state, events, evolve);
}

/** Folds events over a state (the empty state by default). */
export function replay(events: Iterable<ScoreEvent>, from: ScoreState = initialScoreState()): ScoreState {
  return evolveAll(from, events);
}
