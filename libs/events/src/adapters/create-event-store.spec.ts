import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreUnavailableError } from '../store/errors';
import { createEventStore, SQLITE_FILE_NAME } from './create-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

describe('createEventStore', () => {
  let dataDir: string;

  beforeEach(() => (dataDir = join(mkdtempSync(join(tmpdir(), 'bandpro-create-')), 'data')));
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('should keep events in SQLite under the data directory when no MongoDB URI is given', async () => {
    const store = await createEventStore({ dataDir });
    await store.append('s', [{ type: 'T', data: {} }], { expectedVersion: 'no_stream', commandId: 'c1', actor: { id: 'u', kind: 'user' } });
    await store.close();

    expect(store).toBeInstanceOf(SqliteEventStore);
    expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
    const reopened = await createEventStore({ dataDir });
    expect(await reopened.streamVersion('s')).toBe(1);
    await reopened.close();
  });

  it('should go to MongoDB when a URI is given, failing with a typed error when it is unusable', async () => {
    await expect(createEventStore({ mongodbUri: 'http://not-mongodb', dataDir })).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(existsSync(dataDir)).toBe(false);
  });
});
