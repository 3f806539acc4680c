import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, NewEvent } from '../../envelope';
import { IdempotencyConflictError, StoreUnavailableError, WrongExpectedVersionError } from '../../store/errors';
import type { AppendOptions, ExpectedVersion } from '../../store/event-store.port';
import { openSqlite, type SqliteDatabase } from './sqlite-connection';
import { SqliteEventStore } from './sqlite-event-store';

const actor: Actor = { id: 'u1', kind: 'user' };
let commands = 0;
const options = (expectedVersion: ExpectedVersion): AppendOptions => ({ expectedVersion, commandId: `c${++commands}`, actor });
const note = (n: number): NewEvent => ({ type: 'NoteAdded', data: { n } });

describe('SqliteEventStore', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bandpro-sqlite-'));
    file = join(dir, 'events.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should commit appends that arrive in the same tick in one transaction', async () => {
    const store = new SqliteEventStore({ filename: file });

    await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(`s${i}`, [note(i)], options('no_stream'))));
    for (let i = 0; i < 5; i++) await store.append('seq', [note(i)], options(i));

    expect(store.commitStats).toEqual({ commits: 1 + 5, appends: 55, fallbacks: 0 });
    await store.close();
  });

  it('should split a very large group into transactions of at most maxGroupSize appends', async () => {
    const store = new SqliteEventStore({ filename: file, maxGroupSize: 8 });

    await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`s${i}`, [note(i)], options('any'))));

    expect(store.commitStats).toEqual({ commits: 3, appends: 20, fallbacks: 0 });
    expect(await store.headPosition()).toBe(20);
    await store.close();
  });

  it('should reject a lost race or a reused commandId in a group without running the group again', async () => {
    const store = new SqliteEventStore({ filename: file });
    const first = options('no_stream');
    await store.append('taken', [note(1)], first);

    const outcomes = await Promise.allSettled([
      store.append('left', [note(1)], options('no_stream')),
      store.append('taken', [note(2)], options('no_stream')),
      store.append('taken', [note(1)], first),
      store.append('right', [note(1)], options('no_stream')),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect(outcomes[2]).toMatchObject({ value: { duplicate: true, nextExpectedVersion: 1 } });
    expect(store.commitStats).toEqual({ commits: 2, appends: 5, fallbacks: 0 });
    expect((await store.readAll()).map((event) => event.streamId)).toEqual(['taken', 'left', 'right']);
    await store.close();
  });

  it('should turn a database failure in the middle of an append into StoreUnavailableError and spare its neighbours', async () => {
    const db = openSqlite(file);
    const store = new SqliteEventStore({ db });
    db.exec(`CREATE TRIGGER refuse_poison BEFORE INSERT ON events WHEN NEW.type = 'Poison'
             BEGIN SELECT RAISE(ABORT, 'poison refused'); END`);

    const outcomes = await Promise.allSettled([
      store.append('left', [note(1)], options('no_stream')),
      store.append('middle', [note(1), { type: 'Poison', data: {} }], options('no_stream')),
      store.append('right', [note(1)], options('no_stream')),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const error = (outcomes[1] as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.cause).toMatchObject({ code: expect.stringMatching(/^SQLITE_CONSTRAINT/) });
    expect((await store.readAll()).map((event) => event.streamId)).toEqual(['left', 'right']);
    expect(await store.streamVersion('middle')).toBe(0);
    // The failure came after 'middle' wrote its first event: the group was rolled back and run again.
    expect(store.commitStats.fallbacks).toBe(1);
    await store.close();
    db.close();
  });

  it('should reject a whole group with StoreUnavailableError when the write lock never comes, then recover', async () => {
    const store = new SqliteEventStore({ db: openSqlite(file, { busyTimeoutMs: 50 }) });
    const locker = openSqlite(file);
    await store.append('s', [note(1)], options('no_stream'));
    locker.exec('BEGIN IMMEDIATE');

    const blocked = await Promise.allSettled([store.append('s', [note(2)], options(1)), store.append('t', [note(1)], options('any'))]);
    locker.exec('ROLLBACK');

    for (const outcome of blocked) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'STORE_UNAVAILABLE' } });
    }
    await expect(store.append('s', [note(2)], options(1))).resolves.toMatchObject({ nextExpectedVersion: 2 });
    locker.close();
  });

  it('should fail the whole group, and run nothing outside it, when SQLite itself ends the transaction', async () => {
    const db = openSqlite(file);
    const rollBackEverything = (events: readonly { type: string }[]) => {
      // What SQLite does on a full disk or an I/O error: the whole transaction is gone.
      if (events.some((event) => event.type === 'DiskFull')) db.exec('ROLLBACK');
    };
    const store = new SqliteEventStore({ db, hooks: { beforeCommit: rollBackEverything } });

    const outcomes = await Promise.allSettled([
      store.append('before', [note(1)], options('no_stream')),
      store.append('failing', [{ type: 'DiskFull', data: {} }], options('no_stream')),
      store.append('after', [note(1)], options('no_stream')),
    ]);

    for (const outcome of outcomes) expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'STORE_UNAVAILABLE' } });
    expect(await store.headPosition()).toBe(0);
    await expect(store.append('after', [note(1)], options('no_stream'))).resolves.toMatchObject({ lastPosition: 1 });
    await store.close();
    db.close();
  });

  it('should share a handle with other tables and leave closing it to its owner', async () => {
    const db = openSqlite(file);
    db.exec('CREATE TABLE rm_scores (id TEXT PRIMARY KEY)');
    const store = new SqliteEventStore({ db });

    await store.append('s', [note(1)], options('no_stream'));
    await store.close();

    expect(db.open).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
    db.close();
  });

  it('should commit appends still queued when it is closed', async () => {
    const store = new SqliteEventStore({ filename: file });

    const pending = store.append('s', [note(1)], options('no_stream'));
    await store.close();

    await expect(pending).resolves.toMatchObject({ nextExpectedVersion: 1 });
    const reopened = new SqliteEventStore({ filename: file });
    expect(await reopened.streamVersion('s')).toBe(1);
    await reopened.close();
  });

  it('should keep the stream head right when rows are written by another tool', async () => {
    const db = openSqlite(file);
    const store = new SqliteEventStore({ db });
    db.prepare(
      `INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata)
       VALUES ('e1', 'old', 1, 'NoteAdded', 1, '{"n":1}', '{}')`,
    ).run();

    expect(await store.streamVersion('old')).toBe(1);
    await expect(store.append('old', [note(2)], options('no_stream'))).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(store.append('old', [note(2)], options(1))).resolves.toMatchObject({ nextExpectedVersion: 2 });
    await store.close();
    db.close();
  });

  it.each([
    ['another connection', (db: SqliteDatabase) => db],
    ['the shared handle', (_other: SqliteDatabase, shared: SqliteDatabase) => shared],
  ])('should see rows written through %s after its own appends, and refuse a stale expected version', async (_, writer) => {
    const shared = openSqlite(file);
    const other = openSqlite(file);
    const store = new SqliteEventStore({ db: shared });
    await store.append('s', [note(1)], options('no_stream'));
    await store.append('s', [note(2)], options(1));

    writer(other, shared)
      .prepare(`INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata)
                VALUES ('e3', 's', 3, 'NoteAdded', 1, '{"n":3}', '{}')`)
      .run();

    await expect(store.append('s', [note(3)], options(2))).rejects.toMatchObject({ code: 'WRONG_EXPECTED_VERSION', actual: 3 });
    await expect(store.append('s', [note(4)], options(3))).resolves.toMatchObject({ nextExpectedVersion: 4 });
    // Known before it wrote, not learnt from a unique-index failure and a second run of the group.
    expect(store.commitStats.fallbacks).toBe(0);
    await store.close();
    other.close();
    shared.close();
  });

  it('should drop the head table and trigger of files written before, and keep their streams right', async () => {
    const old = openSqlite(file);
    old.exec(`
      CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, stream_id TEXT NOT NULL,
        version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL,
        metadata TEXT NOT NULL, UNIQUE (stream_id, version));
      CREATE TABLE event_streams (stream_id TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TRIGGER event_streams_head AFTER INSERT ON events BEGIN
        INSERT INTO event_streams (stream_id, version) VALUES (NEW.stream_id, NEW.version)
        ON CONFLICT (stream_id) DO UPDATE SET version = max(version, excluded.version);
      END;
      INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata)
        VALUES ('e1', 's', 1, 'NoteAdded', 1, '{"n":1}', '{}'), ('e2', 's', 2, 'NoteAdded', 1, '{"n":2}', '{}');`);
    old.close();

    const store = new SqliteEventStore({ filename: file });
    await expect(store.append('s', [note(3)], options(1))).rejects.toMatchObject({ actual: 2 });
    await expect(store.append('s', [note(3)], options(2))).resolves.toMatchObject({ nextExpectedVersion: 3 });
    await store.close();
    const db = openSqlite(file);
    const leftovers = db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'event_streams%'").all();
    db.close();
    expect(leftovers).toEqual([]);
  });

  it('should drop the fingerprints of files written before, and still know their commands by their events', async () => {
    const old = openSqlite(file);
    old.exec(`
      CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, stream_id TEXT NOT NULL,
        version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL,
        metadata TEXT NOT NULL, UNIQUE (stream_id, version));
      CREATE TABLE event_commands (command_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, stream_id TEXT NOT NULL,
        from_version INTEGER NOT NULL, to_version INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata)
        VALUES ('e1', 's', 1, 'NoteAdded', 1, '{"n":1}', '{}');
      INSERT INTO event_commands VALUES ('old-command', 'a hash of the old kind', 's', 1, 1);`);
    old.close();

    const store = new SqliteEventStore({ filename: file });
    const retry = { expectedVersion: 'no_stream' as const, commandId: 'old-command', actor };
    await expect(store.append('s', [note(1)], retry)).resolves.toMatchObject({ duplicate: true, events: [{ eventId: 'e1' }] });
    await expect(store.append('s', [note(2)], retry)).rejects.toBeInstanceOf(IdempotencyConflictError);
    await store.close();
    const db = openSqlite(file);
    const columns = db.prepare("SELECT name FROM pragma_table_info('event_commands')").pluck().all();
    db.close();
    expect(columns).toEqual(['command_id', 'stream_id', 'from_version', 'to_version']);
  });

  it('should read a stream in pages without skipping or repeating', async () => {
    const store = new SqliteEventStore({ filename: file, pageSize: 3 });
    await store.append('s', Array.from({ length: 10 }, (_, i) => note(i + 1)), options('no_stream'));

    const versions: number[] = [];
    for await (const event of store.readStream('s', { fromVersion: 2, toVersion: 9 })) versions.push(event.version);

    expect(versions).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    await store.close();
  });

  it('should fail reads with StoreUnavailableError when its handle was closed underneath it', async () => {
    const db: SqliteDatabase = openSqlite(file);
    const store = new SqliteEventStore({ db });
    db.close();

    await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.append('s', [note(1)], options('any'))).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('should need exactly one of a file name or a handle', () => {
    expect(() => new SqliteEventStore({})).toThrow(TypeError);
    const db = openSqlite(file);
    expect(() => new SqliteEventStore({ db, filename: file })).toThrow(TypeError);
    db.close();
  });

  it('should refuse a file that is not a database with StoreUnavailableError', () => {
    const notADatabase = join(dir, 'notes.txt');
    require('node:fs').writeFileSync(notADatabase, 'x'.repeat(4096));

    expect(() => new SqliteEventStore({ filename: notADatabase })).toThrow(StoreUnavailableError);
    expect(existsSync(notADatabase)).toBe(true);
  });
});
