import type { Score, ScoreEvent } from '@bandpro/domain';
import type { StoredEvent } from '@bandpro/events';
import { SCORE_CATALOGUE_COLLECTION, type CataloguePart, type ScoreCatalogueEntry } from '@bandpro/read-models';
import type { Projection } from '../projection/projection';
import { asScoreEvent, SCORE_READ_MODEL_EVENT_TYPES, scoreKeysOf } from './score-events';

export class CatalogueRowMissingError extends Error {
  readonly code = 'CATALOGUE_ROW_MISSING';
  constructor(event: StoredEvent) {
    super(`${event.type} at position ${event.position} arrived for ${event.streamId}, which has no catalogue row`);
    this.name = 'CatalogueRowMissingError';
  }
}

/**
 * score-catalogue: title, composer, owner, parts and bar count per score, kept from the events
 * that change them; every other score event only moves `updatedAt`.
 */
export const scoreCatalogueProjection: Projection<ScoreCatalogueEntry> = {
  name: 'score-catalogue',
  version: 1,
  collection: SCORE_CATALOGUE_COLLECTION,
  eventTypes: SCORE_READ_MODEL_EVENT_TYPES,
  keysOf: scoreKeysOf,
  evolve(row, stored) {
    if (stored.type === 'ScorePurged') return null;
    const event = asScoreEvent(stored);
    const updatedAt = stored.metadata.recordedAt;
    if (event.type === 'ScoreCreated' || event.type === 'ScoreImported') return entryOf(event.data, updatedAt);
    if (event.type === 'ScoreDiscarded') return null;
    if (!row) throw new CatalogueRowMissingError(stored);
    return { ...applyToEntry(row, event), updatedAt };
  },
};

function entryOf(score: Score, updatedAt: string): ScoreCatalogueEntry {
  const { scoreId, title, composer, ownerId } = score;
  return { scoreId, title, composer, ownerId, parts: score.parts.map(cataloguePart), barCount: score.measures.length, updatedAt };
}

function cataloguePart({ id, name, instrumentId }: CataloguePart): CataloguePart {
  return { id, name, instrumentId };
}

function applyToEntry(row: ScoreCatalogueEntry, event: ScoreEvent): ScoreCatalogueEntry {
  switch (event.type) {
    case 'ScoreInfoUpdated': {
      const { title = row.title, composer = row.composer } = event.data.to;
      return { ...row, title, composer };
    }
    case 'PartAdded':
      return { ...row, parts: spliced(row.parts, event.data.index, 0, cataloguePart(event.data.part)) };
    case 'PartRemoved':
      return { ...row, parts: row.parts.filter((part) => part.id !== event.data.part.id) };
    case 'PartMoved': {
      const { partId, fromIndex, toIndex } = event.data;
      const moving = row.parts[fromIndex];
      if (moving?.id !== partId) throw new Error(`PartMoved: part ${partId} is not at ${fromIndex} in the catalogue`);
      return { ...row, parts: spliced(spliced(row.parts, fromIndex, 1), toIndex, 0, moving) };
    }
    case 'PartRenamed':
    case 'InstrumentChanged': {
      const { partId, to } = event.data;
      return { ...row, parts: row.parts.map((part) => (part.id === partId ? cataloguePart({ ...part, ...to }) : part)) };
    }
    case 'MeasuresInserted':
      return { ...row, barCount: row.barCount + event.data.measures.length };
    case 'MeasuresDeleted':
      return { ...row, barCount: row.barCount - event.data.measures.length };
    case 'ScoreCreated':
    case 'ScoreImported':
    case 'ScoreDiscarded':
    case 'TimeSignatureChanged':
    case 'KeySignatureChanged':
    case 'MeasureLengthChanged':
    case 'ClefChanged':
    case 'TempoChanged':
    case 'BarlineChanged':
    case 'VoltaChanged':
    case 'RehearsalMarkChanged':
    case 'TrailingRestsRemoved':
    case 'NoteWritten':
    case 'NoteDeleted':
    case 'NoteRestored':
    case 'DurationChanged':
    case 'VoiceEntriesRestored':
    case 'NotePitchChanged':
    case 'ChordPitchAdded':
    case 'ChordPitchRemoved':
    case 'TieAdded':
    case 'TieRemoved':
    case 'ArticulationAdded':
    case 'ArticulationRemoved':
    case 'LyricSet':
    case 'LyricCleared':
    case 'DynamicAdded':
    case 'DynamicChanged':
    case 'DynamicRemoved':
    case 'HairpinAdded':
    case 'HairpinRemoved':
    case 'SlurAdded':
    case 'SlurRemoved':
    case 'ChordSymbolAdded':
    case 'ChordSymbolChanged':
    case 'ChordSymbolRemoved':
    case 'TextExpressionAdded':
    case 'TextExpressionRemoved':
    case 'SelectionTransposed':
      return row;
    default:
      return unhandled(event);
  }
}

/** The compiler lists here any score event type added later: decide whether the catalogue shows it. */
function unhandled(event: never): never {
  throw new Error(`score-catalogue does not know ${(event as { type: string }).type}`);
}

function spliced<T>(items: readonly T[], start: number, deleteCount: number, ...insert: T[]): T[] {
  const copy = items.slice();
  copy.splice(start, deleteCount, ...insert);
  return copy;
}
