import { evolve, evolveAll, initialScoreState, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import {
  AggregateLoader,
  openSqlite,
  SqliteEventStore,
  SqliteSnapshotStore,
  type EventStore,
  type SqliteDatabase,
  type StoredEvent,
} from '@bandpro/events';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { BENCH_ACTOR } from '../appends/payload';

/** Events per append when loading generated data: big batches, as an import would write them. */
export const BULK_APPEND_SIZE = 1000;

/** Writes `events` to `streamId` in big appends straight through the adapter. */
export async function appendInBulk(store: EventStore, streamId: string, events: readonly ScoreEvent[], from = 0): Promise<void> {
  for (let start = from; start < events.length; start += BULK_APPEND_SIZE) {
    const batch = events.slice(start, start + BULK_APPEND_SIZE).map(({ type, data }) => ({ type, data }));
    await store.append(streamId, batch, { expectedVersion: start, commandId: uuidv7(), actor: BENCH_ACTOR });
  }
}

export const scoreEvolve = (state: ScoreState, event: StoredEvent): ScoreState =>
  evolve(state, { type: event.type, data: event.data } as ScoreEvent);

/** The batch fold the API's loader uses (apps/api/src/infrastructure/score-loader.ts). */
export const scoreEvolveAll = (state: ScoreState, events: readonly StoredEvent[]): ScoreState =>
  evolveAll(state, events.map((event) => ({ type: event.type, data: event.data }) as ScoreEvent));

export interface ScoreStore {
  db: SqliteDatabase;
  events: SqliteEventStore;
  snapshots: SqliteSnapshotStore;
  loader: AggregateLoader<ScoreState>;
  close(): Promise<void>;
}

/** The event store, snapshots and loader on one SQLite file, as the API process would hold them. */
export function openScoreStore(dir: string, snapshotEvery: number): ScoreStore {
  const db = openSqlite(join(dir, 'bandpro.sqlite'));
  const events = new SqliteEventStore({ db });
  const snapshots = new SqliteSnapshotStore(db);
  const loader = new AggregateLoader<ScoreState>({
    store: events,
    snapshots,
    initialState: initialScoreState,
    evolve: scoreEvolve,
    evolveAll: scoreEvolveAll,
    snapshotEvery,
    schemaVersion: 1,
  });
  return {
    db,
    events,
    snapshots,
    loader,
    close: async () => {
      await snapshots.close();
      await events.close();
      db.close();
    },
  };
}
