import Database from 'better-sqlite3';
import { join } from 'node:path';
import { requireSetting, type Appender } from './appender';
import { sampleEventData } from './payload';

/**
 * The ceiling: better-sqlite3 committing one row per transaction at synchronous=FULL, with no
 * event-store logic at all. No store doing one fsync per append can beat it.
 */
export async function openRawSqlite(dir: string): Promise<Appender> {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  requireSetting('raw better-sqlite3', 'journal_mode', db.pragma('journal_mode', { simple: true }), 'wal');
  requireSetting('raw better-sqlite3', 'synchronous', db.pragma('synchronous', { simple: true }), 2);
  db.exec('CREATE TABLE raw_events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO raw_events (stream_id, version, data) VALUES (?, ?, ?)');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM raw_events');
  return {
    appendOne: async (streamId, version, sequence) => {
      insert.run(streamId, version + 1, JSON.stringify(sampleEventData(sequence)));
    },
    countEvents: async () => (count.get() as { n: number }).n,
    close: async () => {
      db.close();
    },
  };
}
