import { evolve, initialScoreState, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import { AggregateLoader, InMemorySnapshotStore, type EventStore, type StoredEvent } from '@bandpro/events';

function evolveStored(state: ScoreState, event: StoredEvent): ScoreState {
  return evolve(state, { type: event.type, data: event.data } as ScoreEvent);
}

/** The domain's replay of the stream's events 1..version. */
export async function stateAt(store: EventStore, scoreId: string, version: number): Promise<ScoreState> {
  let state = initialScoreState();
  for await (const event of store.readStream(scoreId, { toVersion: version })) state = evolveStored(state, event);
  return state;
}

/**
 * Loads states at many versions of one stream (bisect) replaying at most `snapshotEvery` events
 * each after the first. The snapshots stay in this process: a debugging tool writes nothing to
 * the store it inspects.
 */
export function debugLoader(store: EventStore, snapshotEvery = 100): AggregateLoader<ScoreState> {
  return new AggregateLoader<ScoreState>({
    store,
    snapshots: new InMemorySnapshotStore(),
    initialState: initialScoreState,
    evolve: evolveStored,
    snapshotEvery,
    schemaVersion: 1,
    stateCache: { maxStreams: 1, maxStatesPerStream: 10_000 },
  });
}
