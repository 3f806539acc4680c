import { openSqlite, SqliteEventStore } from '@bandpro/events';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { requireSetting, type Appender } from './appender';
import { BENCH_ACTOR, SAMPLE_EVENT_TYPE, sampleEventData } from './payload';

interface Queued {
  streamId: string;
  version: number;
  sequence: number;
  done: () => void;
}

/**
 * The ceiling for group commit on our schema: the appends queued in one tick go into one
 * `BEGIN IMMEDIATE` transaction as the three statements an append needs (stream head, command
 * record, event row), with no event-store logic around them. SqliteEventStore creates the tables,
 * so the file has exactly its schema and indexes; one fsync per group, as ours.
 */
export async function openRawGroupCommit(dir: string): Promise<Appender> {
  const db = openSqlite(join(dir, 'raw-group.sqlite'));
  requireSetting('raw group commit', 'journal_mode', db.pragma('journal_mode', { simple: true }), 'wal');
  requireSetting('raw group commit', 'synchronous', db.pragma('synchronous', { simple: true }), 2);
  await new SqliteEventStore({ db }).close();
  const head = db.prepare<[string], { version: number }>('SELECT version FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1');
  const command = db.prepare('INSERT INTO event_commands (command_id, stream_id, from_version, to_version) VALUES (?, ?, ?, ?)');
  const event = db.prepare(
    'INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events');
  const write = (append: Queued) => {
    const commandId = uuidv7();
    const version = (head.get(append.streamId)?.version ?? 0) + 1;
    const metadata = { commandId, correlationId: commandId, causationId: commandId, actor: BENCH_ACTOR, recordedAt: new Date().toISOString() };
    command.run(commandId, append.streamId, version, version);
    const data = JSON.stringify(sampleEventData(append.sequence));
    event.run(uuidv7(), append.streamId, version, SAMPLE_EVENT_TYPE, 1, data, JSON.stringify(metadata));
  };
  const commit = db.transaction((group: Queued[]) => group.forEach(write));
  let queue: Queued[] = [];
  const flush = () => {
    const group = queue;
    queue = [];
    commit.immediate(group);
    for (const append of group) append.done();
  };
  return {
    appendOne: (streamId, version, sequence) =>
      new Promise<void>((done) => {
        if (queue.push({ streamId, version, sequence, done }) === 1) setImmediate(flush);
      }),
    countEvents: async () => (count.get() as { n: number }).n,
    close: async () => {
      db.close();
    },
  };
}
