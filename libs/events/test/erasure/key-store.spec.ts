import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { InMemoryKeyStore } from '../../src/adapters/memory/in-memory-key-store';
import { MongoKeyStore } from '../../src/adapters/mongodb/mongo-key-store';
import { SqliteKeyStore } from '../../src/adapters/sqlite/sqlite-key-store';
import { InvalidSubjectIdError, SubjectErasedError } from '../../src/erasure/errors';
import type { KeyStore } from '../../src/erasure/key-store.port';
import { openSqlite } from '../../src/adapters/sqlite/sqlite-connection';
import { StoreUnavailableError } from '../../src/store/errors';
import { mongoSkipReason, startTestMongo, type TestMongo } from '../snapshots/support/test-mongo';

const run = promisify(execFile);
const tsRegister = join(__dirname, '../../../../scripts/ts-register.js');

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'bandpro-keys-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
let mongo: TestMongo | undefined;
const adapters: { name: string; skip?: string; setUp?(): Promise<void>; open(): Promise<KeyStore>; tearDown?(): Promise<void> }[] = [
  { name: 'InMemoryKeyStore', open: async () => new InMemoryKeyStore() },
  { name: 'SqliteKeyStore', open: async () => new SqliteKeyStore(join(dir, `keys-${++fileCount}.sqlite`)) },
  {
    name: 'MongoKeyStore',
    skip: mongoSkipReason,
    setUp: async () => void (mongo = await startTestMongo()),
    open: async () => new MongoKeyStore(await (mongo as TestMongo).connect(`keys-${++fileCount}`)),
    tearDown: async () => mongo?.stop(),
  },
];

describe.each(adapters)('$name', (adapter) => {
  // Straight to the terminal: Jest drops console output of suites whose tests all skip.
  if (adapter.skip) process.stdout.write(`${adapter.name}: skipped (${adapter.skip})\n`);
  const suite = adapter.skip ? describe.skip : describe;
  suite(adapter.skip ? `skipped: ${adapter.skip}` : 'as a key store', () => {
    let keys: KeyStore;
    beforeAll(async () => adapter.setUp?.(), 120_000);
    afterAll(async () => adapter.tearDown?.());
    beforeEach(async () => (keys = await adapter.open()));
    afterEach(async () => keys.close());

    it('should create one 256-bit key per subject and return it again', async () => {
      const first = await keys.getOrCreateKey('person-1');

      expect(first).toHaveLength(32);
      expect(await keys.getOrCreateKey('person-1')).toEqual(first);
      expect(await keys.findKey('person-1')).toEqual(first);
      expect(await keys.getOrCreateKey('person-2')).not.toEqual(first);
    });

    it('should find no key for a subject never seen', async () => {
      expect(await keys.findKey('nobody')).toBeUndefined();
    });

    it('should destroy the key and refuse a new one for an erased subject', async () => {
      await keys.getOrCreateKey('person-1');

      await keys.deleteKey('person-1');
      await keys.deleteKey('person-1');

      expect(await keys.findKey('person-1')).toBeUndefined();
      await expect(keys.getOrCreateKey('person-1')).rejects.toThrow(SubjectErasedError);
      await expect(keys.getOrCreateKey('person-1')).rejects.toMatchObject({ code: 'SUBJECT_ERASED', subjectId: 'person-1' });
    });

    it('should remember an erasure of a subject who had no key yet', async () => {
      await keys.deleteKey('person-3');

      await expect(keys.getOrCreateKey('person-3')).rejects.toThrow(SubjectErasedError);
    });

    it('should hand out copies that a caller cannot use to change the stored key', async () => {
      const key = await keys.getOrCreateKey('person-1');
      const kept = Buffer.from(key);
      key.fill(0);

      expect(await keys.findKey('person-1')).toEqual(kept);
    });

    it('should refuse an empty subject id', async () => {
      await expect(keys.getOrCreateKey('')).rejects.toThrow(InvalidSubjectIdError);
      await expect(keys.deleteKey('')).rejects.toThrow(InvalidSubjectIdError);
    });
  });
});

describe('SqliteKeyStore on disk', () => {
  it('should keep keys and erasures across a reopen', async () => {
    const file = join(dir, 'reopen.sqlite');
    const first = new SqliteKeyStore(file);
    const key = await first.getOrCreateKey('person-1');
    await first.deleteKey('person-2');
    await first.close();

    const second = new SqliteKeyStore(file);
    expect(await second.findKey('person-1')).toEqual(key);
    await expect(second.getOrCreateKey('person-2')).rejects.toThrow(SubjectErasedError);
    await second.close();
  });

  it('should leave no byte of a deleted key in the key file or its WAL', async () => {
    const file = join(dir, 'shred.sqlite');
    const keys = new SqliteKeyStore(file);
    const doomed = await keys.getOrCreateKey('person-1');
    const kept = await keys.getOrCreateKey('person-2');
    const raw = () => Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`)]);
    expect(raw().includes(doomed)).toBe(true);

    await keys.deleteKey('person-1');

    expect(raw().includes(doomed)).toBe(false);
    expect(raw().includes(kept)).toBe(true);
    await keys.close();
  });

  it('should give two processes creating the same subjects\' keys at once the same keys', async () => {
    const file = join(dir, 'race.sqlite');
    const child = () => run(process.execPath, ['-r', tsRegister, join(__dirname, 'children/create-keys.ts'), file, '40']);

    const [a, b] = await Promise.all([child(), child()]);

    const keysOfA = JSON.parse(a.stdout) as Record<string, string>;
    expect(Object.keys(keysOfA)).toHaveLength(40);
    expect(JSON.parse(b.stdout)).toEqual(keysOfA);
  }, 30_000);

  it('should turn driver errors into StoreUnavailableError, for an unreadable file and failing queries', async () => {
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database, but it is long enough to look like one to the open call'.repeat(20));
    expect(() => new SqliteKeyStore(garbage)).toThrow(StoreUnavailableError);
    const foreign = openSqlite(join(dir, 'foreign.sqlite'));
    foreign.exec('CREATE TABLE subject_keys (id INTEGER PRIMARY KEY)');
    foreign.close();
    expect(() => new SqliteKeyStore(join(dir, 'foreign.sqlite'))).toThrow(/SQLITE_ERROR/);

    const file = join(dir, 'dropped.sqlite');
    const keys = new SqliteKeyStore(file);
    const other = openSqlite(file);
    other.exec('DROP TABLE subject_keys');
    other.close();

    await expect(keys.findKey('person-1')).rejects.toThrow(StoreUnavailableError);
    await expect(keys.getOrCreateKey('person-1')).rejects.toThrow(StoreUnavailableError);
    await expect(keys.deleteKey('person-1')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await keys.close();
    await keys.close();
  });
});
