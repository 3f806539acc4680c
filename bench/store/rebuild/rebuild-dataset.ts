import type { ScoreEvent } from '@bandpro/domain';
import { openSqlite, SqliteEventStore, SQLITE_FILE_NAME } from '@bandpro/events';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { BENCH_ACTOR } from '../appends/payload';
import { BULK_APPEND_SIZE } from '../score/score-store';
import type { ScoreHistory } from '../score/score-history';

export interface RebuildDataset {
  /** The directory holding bandpro.sqlite, as the projector's DATA_DIR expects it. */
  dataDir: string;
  streamIds: string[];
  events: number;
}

/** Stream `index` of the dataset: the generated score, under its own id after the first. */
function streamOf(history: ScoreHistory, index: number): { streamId: string; events: readonly ScoreEvent[] } {
  if (index === 0) return { streamId: history.scoreId, events: history.events };
  const streamId = `${(0xb0000000 + index).toString(16)}${history.scoreId.slice(8)}`;
  const [created, ...rest] = history.events;
  return { streamId, events: [{ ...created, data: { ...created.data, scoreId: streamId } } as ScoreEvent, ...rest] };
}

/**
 * `copies` scores with the generated history each (the first unchanged, so its read model can be
 * checked against the generated state), written in 1,000-event appends that take turns between
 * the scores, so the feed interleaves them as concurrent editing would.
 */
export async function writeRebuildDataset(dataDir: string, history: ScoreHistory, copies: number): Promise<RebuildDataset> {
  const db = openSqlite(join(dataDir, SQLITE_FILE_NAME));
  const store = new SqliteEventStore({ db });
  const streams = Array.from({ length: copies }, (_, index) => streamOf(history, index));
  try {
    for (let start = 0; start < history.events.length; start += BULK_APPEND_SIZE) {
      // Submitted together, so the adapter's group commit writes each round in one transaction.
      await Promise.all(
        streams.map(({ streamId, events }) => {
          const batch = events.slice(start, start + BULK_APPEND_SIZE).map(({ type, data }) => ({ type, data }));
          return store.append(streamId, batch, { expectedVersion: start, commandId: uuidv7(), actor: BENCH_ACTOR });
        }),
      );
    }
    return { dataDir, streamIds: streams.map((s) => s.streamId), events: await store.headPosition() };
  } finally {
    await store.close();
    db.close();
  }
}
