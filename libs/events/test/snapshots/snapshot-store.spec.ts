import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemorySnapshotStore } from '../../src/adapters/memory/in-memory-snapshot-store';
import { MongoSnapshotStore } from '../../src/adapters/mongodb/mongo-snapshot-store';
import { openSqlite } from '../../src/adapters/sqlite/sqlite-connection';
import { SqliteSnapshotStore } from '../../src/adapters/sqlite/sqlite-snapshot-store';
import type { SnapshotStore } from '../../src/snapshots/snapshot-store.port';
import { StoreUnavailableError } from '../../src/store/errors';
import { mongoSkipReason, startTestMongo, type TestMongo } from './support/test-mongo';

interface Adapter {
  name: string;
  skip?: string;
  setUp?(): Promise<void>;
  open(): Promise<SnapshotStore>;
  tearDown?(): Promise<void>;
}

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'bandpro-snapshots-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
let mongo: TestMongo | undefined;
const adapters: Adapter[] = [
  { name: 'InMemorySnapshotStore', open: async () => new InMemorySnapshotStore() },
  { name: 'SqliteSnapshotStore', open: async () => new SqliteSnapshotStore(join(dir, `file-${++fileCount}.db`)) },
  {
    name: 'MongoSnapshotStore',
    skip: mongoSkipReason,
    setUp: async () => void (mongo = await startTestMongo()),
    open: async () => new MongoSnapshotStore(await (mongo as TestMongo).connect(`snapshots-${++fileCount}`)),
    tearDown: async () => mongo?.stop(),
  },
];

const state = (label: string) => ({ label, items: [1, 2, { $pii: { s: 'x' } }] });

describe.each(adapters)('$name', (adapter) => {
  // Straight to the terminal: Jest drops console output of suites whose tests all skip.
  if (adapter.skip) process.stdout.write(`${adapter.name}: skipped (${adapter.skip})\n`);
  const suite = adapter.skip ? describe.skip : describe;
  suite(adapter.skip ? `skipped: ${adapter.skip}` : 'as a snapshot store', () => {
    let snapshots: SnapshotStore;
    beforeAll(async () => adapter.setUp?.(), 120_000);
    afterAll(async () => adapter.tearDown?.());
    beforeEach(async () => (snapshots = await adapter.open()));
    afterEach(async () => snapshots.close());

    it('should find nothing for a stream without snapshots', async () => {
      expect(await snapshots.loadLatest('s-1', { schemaVersion: 1 })).toBeUndefined();
    });

    it('should return the newest snapshot at or below the wanted version', async () => {
      for (const version of [10, 20, 30]) await snapshots.save({ streamId: 's-1', version, schemaVersion: 1, state: state(`v${version}`) });

      expect(await snapshots.loadLatest('s-1', { schemaVersion: 1 })).toEqual({ streamId: 's-1', version: 30, schemaVersion: 1, state: state('v30') });
      expect((await snapshots.loadLatest('s-1', { atOrBelowVersion: 29, schemaVersion: 1 }))?.version).toBe(20);
      expect((await snapshots.loadLatest('s-1', { atOrBelowVersion: 20, schemaVersion: 1 }))?.version).toBe(20);
      expect(await snapshots.loadLatest('s-1', { atOrBelowVersion: 9, schemaVersion: 1 })).toBeUndefined();
    });

    it('should ignore snapshots of another schema version and of other streams', async () => {
      await snapshots.save({ streamId: 's-1', version: 10, schemaVersion: 1, state: state('old shape') });
      await snapshots.save({ streamId: 's-2', version: 20, schemaVersion: 2, state: state('other stream') });

      expect(await snapshots.loadLatest('s-1', { schemaVersion: 2 })).toBeUndefined();
      expect((await snapshots.loadLatest('s-1', { schemaVersion: 1 }))?.state).toEqual(state('old shape'));
    });

    it('should replace a snapshot saved again under the same key', async () => {
      await snapshots.save({ streamId: 's-1', version: 10, schemaVersion: 1, state: state('first') });
      await snapshots.save({ streamId: 's-1', version: 10, schemaVersion: 1, state: state('second') });

      expect((await snapshots.loadLatest('s-1', { schemaVersion: 1 }))?.state).toEqual(state('second'));
    });

    it('should delete every schema version of one stream and leave the others', async () => {
      await snapshots.save({ streamId: 's-1', version: 10, schemaVersion: 1, state: state('a') });
      await snapshots.save({ streamId: 's-1', version: 10, schemaVersion: 2, state: state('b') });
      await snapshots.save({ streamId: 's-2', version: 10, schemaVersion: 1, state: state('c') });

      await snapshots.deleteStream('s-1');

      expect(await snapshots.loadLatest('s-1', { schemaVersion: 1 })).toBeUndefined();
      expect(await snapshots.loadLatest('s-1', { schemaVersion: 2 })).toBeUndefined();
      expect((await snapshots.loadLatest('s-2', { schemaVersion: 1 }))?.state).toEqual(state('c'));
    });

    it('should keep a stored state safe from callers mutating what they saved or loaded', async () => {
      const saved = state('kept');
      await snapshots.save({ streamId: 's-1', version: 10, schemaVersion: 1, state: saved });
      saved.items.push(99);
      const loaded = (await snapshots.loadLatest('s-1', { schemaVersion: 1 }))?.state as ReturnType<typeof state>;
      loaded.label = 'changed';

      expect((await snapshots.loadLatest('s-1', { schemaVersion: 1 }))?.state).toEqual(state('kept'));
    });
  });
});

describe('SqliteSnapshotStore in the event log file', () => {
  it('should keep its snapshots across a reopen of the file', async () => {
    const file = join(dir, 'reopen.db');
    const first = new SqliteSnapshotStore(file);
    await first.save({ streamId: 's-1', version: 5, schemaVersion: 1, state: { n: 5 } });
    await first.close();

    const second = new SqliteSnapshotStore(file);
    expect((await second.loadLatest('s-1', { schemaVersion: 1 }))?.state).toEqual({ n: 5 });
    await second.close();
  });

  it('should share a handle it was given and leave closing it to the owner', async () => {
    const db = openSqlite(join(dir, 'shared.db'));
    db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, data TEXT)');
    const snapshots = new SqliteSnapshotStore(db);
    await snapshots.save({ streamId: 's-1', version: 5, schemaVersion: 1, state: { n: 5 } });
    await snapshots.close();

    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['events', 'snapshots']);
    expect(db.open).toBe(true);
    db.close();
  });

  it('should turn driver errors into StoreUnavailableError, for an unreadable file and a failing query', async () => {
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database, but it is long enough to look like one to the open call'.repeat(20));
    expect(() => new SqliteSnapshotStore(garbage)).toThrow(StoreUnavailableError);
    const foreign = openSqlite(join(dir, 'foreign.db'));
    foreign.exec('CREATE TABLE snapshots (id INTEGER PRIMARY KEY)');
    expect(() => new SqliteSnapshotStore(foreign)).toThrow(StoreUnavailableError);
    expect(foreign.open).toBe(true);
    foreign.close();
    expect(() => new SqliteSnapshotStore(join(dir, 'foreign.db'))).toThrow(/SQLITE_ERROR/);

    const file = join(dir, 'dropped.db');
    const snapshots = new SqliteSnapshotStore(file);
    const other = openSqlite(file);
    other.exec('DROP TABLE snapshots');
    other.close();

    await expect(snapshots.save({ streamId: 's-1', version: 1, schemaVersion: 1, state: {} })).rejects.toThrow(StoreUnavailableError);
    await expect(snapshots.loadLatest('s-1', { schemaVersion: 1 })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(snapshots.deleteStream('s-1')).rejects.toThrow(StoreUnavailableError);
    await snapshots.close();
    await snapshots.close();
  });
});
