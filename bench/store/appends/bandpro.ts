import { openSqlite, SqliteEventStore } from '@bandpro/events';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { requireSetting, type Appender } from './appender';
import { BENCH_ACTOR, SAMPLE_EVENT_TYPE, sampleEventData } from './payload';

export interface BandproAppender extends Appender {
  /** Appends per SQLite transaction since the warm-up: how much the group commit is batching. */
  appendsPerCommit(): number;
}

/**
 * Our SqliteEventStore on a handle from openSqlite (what createEventStore uses), passed in
 * as `db` only so the pragmas actually in effect can be checked on the very same connection.
 */
export async function openBandproStore(dir: string): Promise<BandproAppender> {
  const db = openSqlite(join(dir, 'bandpro.sqlite'));
  requireSetting('bandpro', 'journal_mode', db.pragma('journal_mode', { simple: true }), 'wal');
  requireSetting('bandpro', 'synchronous', db.pragma('synchronous', { simple: true }), 2);
  const store = new SqliteEventStore({ db });
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events');
  let baseline = store.commitStats;
  return {
    appendOne: async (streamId, version, sequence) => {
      await store.append(streamId, [{ type: SAMPLE_EVENT_TYPE, data: sampleEventData(sequence) }], {
        expectedVersion: version,
        commandId: uuidv7(),
        actor: BENCH_ACTOR,
      });
    },
    countEvents: async () => (count.get() as { n: number }).n,
    warmedUp: () => {
      baseline = store.commitStats;
    },
    appendsPerCommit: () => {
      const appends = store.commitStats.appends - baseline.appends;
      const commits = store.commitStats.commits - baseline.commits;
      return commits === 0 ? 0 : appends / commits;
    },
    close: async () => {
      await store.close();
      db.close();
    },
  };
}
