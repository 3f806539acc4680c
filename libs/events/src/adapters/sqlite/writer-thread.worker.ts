import { parentPort, workerData } from 'node:worker_threads';
import { SqliteAppendWriter, type AppendRequest } from './append-writer';
import { openSqlite } from './sqlite-connection';
import { StreamHeads } from './stream-heads';
import { describeError, type WriterThreadData, type WriterReply } from './writer-thread-messages';

/**
 * The event store's writer on a thread of its own (writer-thread.ts): its own connection to the file, the same
 * SqliteAppendWriter as in-process stores use, and plain-data replies. The main thread sends `close` only once
 * every write it sent has been answered.
 */
const port = parentPort;
if (port === null) throw new Error('writer-thread.worker runs as a worker thread');
const { filename, options } = workerData as WriterThreadData;
try {
  const db = openSqlite(filename);
  const writer = new SqliteAppendWriter(db, new StreamHeads(db), options);
  port.on('message', (message: { id: number; request: AppendRequest } | 'close') => {
    if (message === 'close') {
      writer.flush();
      db.close();
      port.close();
      return;
    }
    const { id, request } = message;
    writer.write(request).then(
      (outcome) => port.postMessage({ id, outcome, stats: writer.stats } satisfies WriterReply),
      (error: unknown) => port.postMessage({ id, error: describeError(error), stats: writer.stats } satisfies WriterReply),
    );
  });
  port.postMessage({ ready: true } satisfies WriterReply);
} catch (error) {
  port.postMessage({ failed: describeError(error) } satisfies WriterReply);
  port.close();
}
