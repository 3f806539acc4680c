import { evolve, evolveAll, initialScoreState, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import { AggregateLoader, type EventStore, type SnapshotStore, type StoredEvent } from '@bandpro/events';

/** Bump when the shape of ScoreState changes: older snapshots are then ignored. */
export const SCORE_SNAPSHOT_SCHEMA = 1;

export type ScoreLoader = AggregateLoader<ScoreState>;

export function createScoreLoader(store: EventStore, snapshots: SnapshotStore, snapshotEvery: number): ScoreLoader {
  return new AggregateLoader<ScoreState>({
    store,
    snapshots,
    initialState: initialScoreState,
    evolve: (state, event: StoredEvent) => evolve(state, asScoreEvent(event)),
    evolveAll: (state, events) => evolveAll(state, events.map(asScoreEvent)),
    snapshotEvery,
    schemaVersion: SCORE_SNAPSHOT_SCHEMA,
    // Boundary states share structure, so keeping the recent scores' history warm is cheap and makes
    // editing and `?version=N` reads replay at most `snapshotEvery` events without parsing a snapshot.
    stateCache: { maxStreams: 64, maxStatesPerStream: 200 },
  });
}

function asScoreEvent(event: StoredEvent): ScoreEvent {
  return { type: event.type, data: event.data } as ScoreEvent;
}
