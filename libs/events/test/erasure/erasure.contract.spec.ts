import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '../../src/adapters/memory/in-memory-event-store';
import { InMemoryKeyStore } from '../../src/adapters/memory/in-memory-key-store';
import { InMemorySnapshotStore } from '../../src/adapters/memory/in-memory-snapshot-store';
import { openSqlite, type SqliteDatabase } from '../../src/adapters/sqlite/sqlite-connection';
import { SqliteEventStore } from '../../src/adapters/sqlite/sqlite-event-store';
import { SqliteKeyStore } from '../../src/adapters/sqlite/sqlite-key-store';
import { SqliteSnapshotStore } from '../../src/adapters/sqlite/sqlite-snapshot-store';
import type { StoredEvent } from '../../src/envelope';
import { PersonalDataVault, type ErasureListener } from '../../src/erasure/personal-data-vault';
import { SnapshotPurger, streamsHoldingSubject } from '../../src/erasure/snapshot-purger';
import { AggregateLoader } from '../../src/snapshots/aggregate-loader';
import type { EventStore } from '../../src/store/event-store.port';

const actor = { id: 'admin', kind: 'user' as const };
let commands = 0;
const append = (store: EventStore, streamId: string, type: string, data: unknown) =>
  store.append(streamId, [{ type, data }], { expectedVersion: 'any', commandId: `c-${++commands}`, actor });

/** A roster aggregate keeping members' sealed values as they are (it never needs the plaintext). */
const roster = {
  initialState: () => ({ members: {} as Record<string, unknown>, rehearsals: 0 }),
  evolve: (state: { members: Record<string, unknown>; rehearsals: number }, event: StoredEvent) => {
    const data = event.data as { memberId: string; name: unknown };
    if (event.type === 'MemberJoined') return { ...state, members: { ...state.members, [data.memberId]: data.name } };
    return { ...state, rehearsals: state.rehearsals + 1 };
  },
};

/** A read model that does hold plaintext: a directory of member names, purged on erasure. */
class MemberDirectory implements ErasureListener {
  constructor(private readonly db: SqliteDatabase) {
    db.pragma('secure_delete = ON');
    db.exec('CREATE TABLE IF NOT EXISTS member_directory (band_id TEXT, member_id TEXT, name TEXT NOT NULL, PRIMARY KEY (band_id, member_id))');
  }
  add(bandId: string, memberId: string, name: string): void {
    this.db.prepare('INSERT INTO member_directory VALUES (?, ?, ?)').run(bandId, memberId, name);
  }
  names(): string[] {
    return this.db.prepare('SELECT name FROM member_directory ORDER BY name').pluck().all() as string[];
  }
  close(): void {
    this.db.close();
  }
  purgeSubject(subjectId: string): void {
    this.db.prepare('DELETE FROM member_directory WHERE member_id = ?').run(subjectId);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

describe('erasure on SQLite (contract test 11)', () => {
  const ada = { id: 'person-ada', name: 'Ada Lovelace', email: 'ada@lovelace.example' };
  const grace = { id: 'person-grace', name: 'Grace Hopper', email: 'grace@hopper.example' };
  let dir: string;
  let eventsFile: string;
  let keysFile: string;
  let readModelFile: string;
  let db: SqliteDatabase;
  let store: SqliteEventStore;
  let snapshots: SqliteSnapshotStore;
  let keys: SqliteKeyStore;
  let vault: PersonalDataVault;
  let directory: MemberDirectory;
  let loader: AggregateLoader<ReturnType<typeof roster.initialState>>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bandpro-erasure-'));
    eventsFile = join(dir, 'events.sqlite');
    keysFile = join(dir, 'keys.sqlite');
    readModelFile = join(dir, 'read-models.sqlite');
    db = openSqlite(eventsFile);
    store = new SqliteEventStore({ db });
    snapshots = new SqliteSnapshotStore(db);
    keys = new SqliteKeyStore(keysFile);
    directory = new MemberDirectory(openSqlite(readModelFile));
    vault = new PersonalDataVault(keys, { listeners: [new SnapshotPurger({ store, snapshots, pageSize: 3 }), directory] });
    loader = new AggregateLoader({ store, snapshots, ...roster, snapshotEvery: 4, schemaVersion: 1 });

    for (const [band, people] of [['band-1', [ada, grace]], ['band-2', [grace]]] as const) {
      for (const person of people) {
        await append(store, band, 'MemberJoined', { memberId: person.id, name: await vault.seal(person.id, person.name), contact: { email: await vault.seal(person.id, person.email) } });
        directory.add(band, person.id, person.name);
      }
      for (let i = 0; i < 9; i++) await append(store, band, 'RehearsalHeld', { n: i });
    }
    await loader.load('band-1');
    await loader.load('band-2');
    // An aggregate of another shape that keeps the names opened: its snapshots hold plaintext.
    await snapshots.save({ streamId: 'band-1', version: 8, schemaVersion: 2, state: { names: [ada.name, grace.name] } });
  });

  afterEach(async () => {
    await store.close();
    await snapshots.close();
    await keys.close();
    db.close();
    directory.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every byte SQLite keeps for the log and the keys, as a disk image or backup would see it. */
  function rawBytes(): Buffer {
    const files = [eventsFile, keysFile, readModelFile].flatMap((file) => [file, `${file}-wal`]).filter((file) => existsSync(file));
    return Buffer.concat(files.map((file) => readFileSync(file)));
  }

  it('should leave no plaintext or key of the erased person in the log, snapshots, read model or key file', async () => {
    const adaKey = await keys.findKey(ada.id);
    expect(rawBytes().includes(ada.name)).toBe(true);
    expect(rawBytes().includes(adaKey as Buffer)).toBe(true);

    await vault.erase(ada.id);

    const bytes = rawBytes();
    for (const secret of [ada.name, ada.email]) expect({ secret, found: bytes.includes(secret) }).toEqual({ secret, found: false });
    expect(bytes.includes(adaKey as Buffer)).toBe(false);
    expect(bytes.includes(grace.name)).toBe(true);
  });

  it('should make the erased person\'s data read as { $erased: true } and leave everyone else\'s readable', async () => {
    await vault.erase(ada.id);

    const joined = (await store.readAll({ limit: 100 })).filter((event) => event.type === 'MemberJoined');
    expect(await Promise.all(joined.map((event) => vault.openDeep(event.data)))).toEqual([
      { memberId: ada.id, name: { $erased: true }, contact: { email: { $erased: true } } },
      { memberId: grace.id, name: grace.name, contact: { email: grace.email } },
      { memberId: grace.id, name: grace.name, contact: { email: grace.email } },
    ]);
  });

  it('should purge the snapshots of every stream holding the person and keep the others', async () => {
    await vault.erase(ada.id);

    expect(await snapshots.loadLatest('band-1', { schemaVersion: 1 })).toBeUndefined();
    expect(await snapshots.loadLatest('band-1', { schemaVersion: 2 })).toBeUndefined();
    expect((await snapshots.loadLatest('band-2', { schemaVersion: 1 }))?.version).toBe(8);
    expect(directory.names()).toEqual([grace.name, grace.name]);
  });

  it('should rebuild a purged stream\'s state from the events, which now hold only unreadable data', async () => {
    const before = await loader.load('band-1');
    await vault.erase(ada.id);

    const after = await loader.load('band-1');

    expect(after).toEqual(before);
    expect(await vault.openDeep(after.state.members)).toEqual({ [ada.id]: { $erased: true }, [grace.id]: grace.name });
    expect((await snapshots.loadLatest('band-1', { schemaVersion: 1 }))?.version).toBe(8);
  });
});

describe('SnapshotPurger', () => {
  it('should find exactly the streams holding the subject\'s sealed data, across pages of the feed', async () => {
    const store = new InMemoryEventStore();
    const vault = new PersonalDataVault(new InMemoryKeyStore());
    await append(store, 'band-1', 'MemberJoined', { name: await vault.seal('p-1', 'Ada') });
    for (let i = 0; i < 5; i++) await append(store, `band-${i + 2}`, 'RehearsalHeld', { by: 'p-1' });
    await append(store, 'band-9', 'NoteAdded', { nested: [{ author: await vault.seal('p-1', { initials: 'AL' }) }] });
    await append(store, 'band-1', 'NoteAdded', { author: await vault.seal('p-2', 'Grace') });

    expect([...(await streamsHoldingSubject(store, 'p-1', 2))]).toEqual(['band-1', 'band-9']);
    expect([...(await streamsHoldingSubject(store, 'p-3'))]).toEqual([]);
  });

  it('should delete the snapshots of those streams only', async () => {
    const store = new InMemoryEventStore();
    const snapshots = new InMemorySnapshotStore();
    const vault = new PersonalDataVault(new InMemoryKeyStore(), { listeners: [new SnapshotPurger({ store, snapshots })] });
    await append(store, 'band-1', 'MemberJoined', { name: await vault.seal('p-1', 'Ada') });
    await append(store, 'band-2', 'MemberJoined', { name: await vault.seal('p-2', 'Grace') });
    for (const streamId of ['band-1', 'band-2']) await snapshots.save({ streamId, version: 1, schemaVersion: 1, state: {} });

    await vault.erase('p-1');

    expect(await snapshots.loadLatest('band-1', { schemaVersion: 1 })).toBeUndefined();
    expect(await snapshots.loadLatest('band-2', { schemaVersion: 1 })).toBeDefined();
  });
});
