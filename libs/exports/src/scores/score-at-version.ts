import { evolve, initialScoreState, isActiveScore, scoreOf, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import { AggregateLoader, type EventStore, type SnapshotStore, type StoredEvent } from '@bandpro/events';
import { ExportRequestError } from '../errors';
import type { ScoreAtVersion } from '../queue/export-processor';

/** The same snapshot schema as the API's loader: both read and write the same snapshots. */
export const SCORE_SNAPSHOT_SCHEMA = 1;

/** A score loader for processes that have no loader of their own (the projector's export worker). */
export function createScoreAggregateLoader(store: EventStore, snapshots: SnapshotStore, snapshotEvery = 100): AggregateLoader<ScoreState> {
  return new AggregateLoader<ScoreState>({
    store,
    snapshots,
    initialState: initialScoreState,
    evolve: (state, event: StoredEvent) => evolve(state, { type: event.type, data: event.data } as ScoreEvent),
    snapshotEvery,
    schemaVersion: SCORE_SNAPSHOT_SCHEMA,
  });
}

/** Replays the score up to the version asked; a version the stream has not reached is refused, not clamped. */
export function scoreAtVersion(loader: AggregateLoader<ScoreState>): ScoreAtVersion {
  return async (scoreId, version) => {
    const loaded = await loader.load(scoreId, { version });
    if (loaded.version !== version || !isActiveScore(loaded.state)) {
      throw new ExportRequestError('EXPORT_SCORE_NOT_FOUND', 'The score has no such version', { scoreId, version });
    }
    return scoreOf(loaded.state);
  };
}
