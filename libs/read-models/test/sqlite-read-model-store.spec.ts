import { openSqlite, SqliteEventStore, type SqliteDatabase } from '@bandpro/events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadModelStore, SqliteReadModelStore, type ReadModelStore } from '../src';

const at = (position: number) => ({ position, recordedAt: `2026-01-01T00:00:0${position}.000Z` });

describe('SqliteReadModelStore on a real file', () => {
  let dir: string;
  let file: string;
  const opened: { close(): unknown }[] = [];
  const track = <T extends { close(): unknown }>(thing: T): T => (opened.push(thing), thing);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bandpro-rm-sqlite-'));
    file = join(dir, 'bandpro.sqlite');
  });

  afterEach(async () => {
    for (const thing of opened.splice(0).reverse()) await thing.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should share one file with the event store through one handle, and leave the handle open on close', async () => {
    const db = track(openSqlite(file));
    const events = new SqliteEventStore({ db });
    const store = new SqliteReadModelStore({ db });
    await events.append('score-1', [{ type: 'ScoreCreated', data: {} }], { expectedVersion: 'no_stream', commandId: 'c1', actor: { id: 'u', kind: 'user' } });
    const generation = await store.beginGeneration('catalogue');
    await store.commit('catalogue', generation, [{ collection: 'catalogue', id: 's1', doc: { title: 'A' } }], at(1));
    await store.close();

    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm_%' ORDER BY name`).all();
    expect(tables).toEqual(['rm_collections', 'rm_dead_letters', 'rm_document_items', 'rm_documents', 'rm_generations', 'rm_leases'].map((name) => ({ name })));
    expect(await events.headPosition()).toBe(1);
    await expect(store.get('catalogue', 's1')).rejects.toMatchObject({ code: 'READ_MODEL_STORE_UNAVAILABLE' });
    await events.close();
  });

  it('should commit on its own connection without waiting for the disk, and leave a shared handle as it was', () => {
    const own = track(new SqliteReadModelStore({ filename: file }));
    const db = track(openSqlite(file));
    track(new SqliteReadModelStore({ db }));
    const synchronous = (handle: SqliteDatabase) => handle.pragma('synchronous', { simple: true });

    expect(synchronous((own as unknown as { db: SqliteDatabase }).db)).toBe(1);
    expect(synchronous(db)).toBe(2);
  });

  it('should let two connections to one file see each other, with one lease holder between them', async () => {
    const a = track(new SqliteReadModelStore({ filename: file }));
    const b = track(new SqliteReadModelStore({ filename: file }));
    const generation = await a.beginGeneration('catalogue');
    await a.commit('catalogue', generation, [{ collection: 'catalogue', id: 's1', doc: { title: 'A' } }], at(1));
    await a.activate('catalogue', generation);

    expect(await b.get('catalogue', 's1')).toEqual({ title: 'A' });
    expect(await b.checkpoint('catalogue')).toEqual(at(1));
    expect(await a.tryAcquireLease('catalogue', 'a', 60_000)).toBe(true);
    expect(await b.tryAcquireLease('catalogue', 'b', 60_000)).toBe(false);
    expect(await b.leaseHolder('catalogue')).toMatchObject({ ownerId: 'a' });
  });

  it('should roll the whole commit back when the database fails half-way through it', async () => {
    const db = track(openSqlite(file));
    const store = new SqliteReadModelStore({ db });
    const generation = await store.beginGeneration('catalogue');
    await store.commit('catalogue', generation, [{ collection: 'catalogue', id: 's1', doc: { v: 1 } }], at(1));
    db.exec(`CREATE TRIGGER poison BEFORE INSERT ON rm_documents WHEN NEW.id = 'poison' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);

    const changes = [
      { collection: 'catalogue', id: 's1', doc: { v: 2 } },
      { collection: 'catalogue', id: 's2', doc: { v: 2 } },
      { collection: 'catalogue', id: 'poison', doc: { v: 2 } },
    ];
    await expect(store.commit('catalogue', generation, changes, at(2))).rejects.toMatchObject({
      code: 'READ_MODEL_STORE_UNAVAILABLE',
      message: expect.stringContaining('injected failure'),
    });
    const docs = await store.loadDocs('catalogue', generation, 'catalogue', ['s1', 's2']);
    expect([...docs]).toEqual([['s1', { v: 1 }]]);
    expect(await store.checkpoint('catalogue', generation)).toEqual(at(1));
  });

  it('should turn a driver error into a typed error', async () => {
    const db: SqliteDatabase = track(openSqlite(file));
    const store = new SqliteReadModelStore({ db });
    db.exec('DROP TABLE rm_leases');
    await expect(store.tryAcquireLease('catalogue', 'a', 1000)).rejects.toMatchObject({
      code: 'READ_MODEL_STORE_UNAVAILABLE',
      message: expect.stringContaining('rm_leases'),
    });
  });

  it('should fail with a typed error when the file is not a database', () => {
    writeFileSync(file, 'not a database, just text that is long enough to look like a header');
    expect(() => new SqliteReadModelStore({ filename: file })).toThrow(expect.objectContaining({ code: 'READ_MODEL_STORE_UNAVAILABLE' }));
  });

  it('should create the SQLite store beside the events under the data directory, in a file of its own', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const store: ReadModelStore = track(await createReadModelStore({ dataDir }));
    await store.beginGeneration('catalogue');
    expect(existsSync(join(dataDir, 'read-models.sqlite'))).toBe(true);
    expect(existsSync(join(dataDir, 'bandpro.sqlite'))).toBe(false);
    expect(store).toBeInstanceOf(SqliteReadModelStore);
  });
});
