import type { SqliteDatabase } from './sqlite-connection';

/**
 * The event log's tables. AUTOINCREMENT keeps positions from ever being reused, even after the
 * newest rows are deleted; UNIQUE(stream_id, version) is the last line of defence for G1, and its
 * index also gives a stream's head in one seek, right for rows written by any tool. (A head table
 * kept by a trigger cost every append a statement and a page in the WAL: files that have one lose it.)
 */
const EVENT_TABLES = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL,
  stream_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  UNIQUE (stream_id, version)
);
DROP TRIGGER IF EXISTS event_streams_head;
DROP TABLE IF EXISTS event_streams;
CREATE TABLE IF NOT EXISTS event_commands (
  command_id TEXT PRIMARY KEY,
  stream_id TEXT NOT NULL,
  from_version INTEGER NOT NULL,
  to_version INTEGER NOT NULL
) WITHOUT ROWID;
`;

/**
 * A command's fingerprint is worked out from its stored events when its commandId comes back
 * (rarely), not hashed and kept for every append: files that keep one lose the column.
 */
const KEEPS_FINGERPRINTS = `SELECT 1 FROM pragma_table_info('event_commands') WHERE name = 'fingerprint'`;

export function ensureEventTables(db: SqliteDatabase): void {
  db.transaction(() => {
    db.exec(EVENT_TABLES);
    if (db.prepare(KEEPS_FINGERPRINTS).get()) db.exec('ALTER TABLE event_commands DROP COLUMN fingerprint');
  }).immediate();
}

export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
}

export interface CommandRow {
  stream_id: string;
  from_version: number;
  to_version: number;
}

const EVENT_COLUMNS = 'position, event_id, stream_id, version, type, schema_version, data, metadata';

/** Every statement the store runs, prepared once. */
export function prepareEventStatements(db: SqliteDatabase) {
  return {
    insertEvent: db.prepare<[string, string, number, string, number, string, string]>(
      'INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    recordCommand: db.prepare<[string, string, number, number]>(
      `INSERT INTO event_commands (command_id, stream_id, from_version, to_version) VALUES (?, ?, ?, ?)
       ON CONFLICT (command_id) DO NOTHING`,
    ),
    command: db.prepare<[string], CommandRow>(
      'SELECT stream_id, from_version, to_version FROM event_commands WHERE command_id = ?',
    ),
    streamVersion: db.prepare<[string], { version: number }>(
      'SELECT version FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1',
    ),
    streamPage: db.prepare<[string, number, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND version >= ? AND version <= ? ORDER BY version LIMIT ?`,
    ),
    allPage: db.prepare<[number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    ),
    headPosition: db.prepare<[], { head: number }>('SELECT coalesce(max(position), 0) AS head FROM events'),
  };
}

export type EventStatements = ReturnType<typeof prepareEventStatements>;
