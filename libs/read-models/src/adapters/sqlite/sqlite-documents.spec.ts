import { openSqlite, type SqliteDatabase } from '@bandpro/events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadModelStore } from './sqlite-read-model-store';

const at = (position: number) => ({ position, recordedAt: `2026-01-01T00:00:00.${String(position).padStart(3, '0')}Z` });
const measure = (index: number, mark: string | null = null) => ({ id: `m${index}`, rehearsalMark: mark, notes: 'x'.repeat(400) });
const score = (count = 32) => ({ scoreId: 's1', title: 'Blue Bossa', measures: Array.from({ length: count }, (_, i) => measure(i)) });
type Score = ReturnType<typeof score>;
const withMark = (doc: Score, index: number, mark: string): Score => ({ ...doc, measures: doc.measures.map((m, i) => (i === index ? measure(i, mark) : m)) });

describe('SQLite documents stored in parts', () => {
  let dir: string;
  let file: string;
  let db: SqliteDatabase;
  let store: SqliteReadModelStore;
  let generation: number;
  const commit = (doc: object | null, position: number, on = store) =>
    on.commit('score-document', generation, [{ collection: 'scores', id: 's1', doc }], at(position), { immutableDocs: true });
  /** Item rows written (inserted or updated) since the last DELETE FROM item_writes, by index; -1 is the document's own row. */
  const itemWrites = () => db.prepare<[], { idx: number }>('SELECT idx FROM item_writes ORDER BY rowid').all().map((row) => row.idx);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bandpro-rm-parts-'));
    file = join(dir, 'read-models.sqlite');
    store = new SqliteReadModelStore({ filename: file });
    db = openSqlite(file);
    db.exec(`CREATE TABLE item_writes (idx INTEGER);
      CREATE TRIGGER item_inserted AFTER INSERT ON rm_document_items BEGIN INSERT INTO item_writes VALUES (NEW.idx); END;
      CREATE TRIGGER item_updated AFTER UPDATE ON rm_document_items BEGIN INSERT INTO item_writes VALUES (NEW.idx); END;
      CREATE TRIGGER row_updated AFTER UPDATE ON rm_documents BEGIN INSERT INTO item_writes VALUES (-1); END;`);
    generation = await store.beginGeneration('score-document');
    await store.activate('score-document', generation);
  });

  afterEach(async () => {
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should read a document stored in parts back whole, through get, find and loadDocs', async () => {
    const doc = score();
    await commit(doc, 1);

    expect(db.prepare('SELECT count(*) AS n FROM rm_document_items').get()).toEqual({ n: 32 });
    expect(await store.get('scores', 's1')).toEqual(doc);
    expect(await store.find('scores', { where: { title: 'Blue Bossa' } })).toEqual([doc]);
    expect(await store.loadDocs('score-document', generation, 'scores', ['s1'])).toEqual(new Map([['s1', doc]]));
  });

  it('should write only the item an edit changed, and the rest of the document only when it changed', async () => {
    const first = score();
    await commit(first, 1);
    db.exec('DELETE FROM item_writes');

    await commit(withMark(first, 7, 'A'), 2);
    expect(itemWrites()).toEqual([7]);
    await commit(withMark(withMark(first, 7, 'A'), 8, 'B'), 3);
    expect(itemWrites()).toEqual([7, 8]);
    db.exec('DELETE FROM item_writes');
    await commit({ ...withMark(withMark(first, 7, 'A'), 8, 'B'), title: 'Renamed' }, 4);

    expect(itemWrites()).toEqual([-1]);
    expect(await store.get('scores', 's1')).toEqual({ ...withMark(withMark(first, 7, 'A'), 8, 'B'), title: 'Renamed' });
  });

  it('should write every item again when another store wrote the document since', async () => {
    const other = new SqliteReadModelStore({ filename: file });
    const first = score();
    await commit(first, 1);
    await commit(withMark(first, 3, 'B'), 2, other);
    db.exec('DELETE FROM item_writes');

    // This store still remembers measure 3 without a mark: it must not trust that.
    await commit(withMark(first, 9, 'C'), 3);
    expect(itemWrites()).toHaveLength(33);
    expect(await store.get('scores', 's1')).toEqual(withMark(first, 9, 'C'));

    // The same when this store's last write changed only items, so the row kept the written_at of an older commit.
    await commit(withMark(first, 10, 'D'), 4);
    await commit(withMark(withMark(first, 10, 'D'), 11, 'E'), 5, other);
    await commit(withMark(first, 12, 'F'), 6);
    expect(await store.get('scores', 's1')).toEqual(withMark(first, 12, 'F'));
    await other.close();
  });

  it('should keep a document right when a commit of it failed half-way', async () => {
    const first = score();
    await commit(first, 1);
    db.exec(`CREATE TRIGGER poison BEFORE UPDATE ON rm_generations WHEN NEW.position = 2 BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    await expect(commit(withMark(first, 4, 'D'), 2)).rejects.toMatchObject({ code: 'READ_MODEL_STORE_UNAVAILABLE' });
    db.exec('DROP TRIGGER poison');

    await commit(withMark(first, 5, 'E'), 3);

    expect(await store.get('scores', 's1')).toEqual(withMark(first, 5, 'E'));
  });

  it('should drop the items a shorter document no longer has, and all of them when it no longer splits or is deleted', async () => {
    const first = score(32);
    await commit(first, 1);
    const shorter = { ...first, measures: first.measures.slice(0, 20) };
    await commit(shorter, 2);
    expect(await store.get('scores', 's1')).toEqual(shorter);
    expect(db.prepare('SELECT count(*) AS n FROM rm_document_items').get()).toEqual({ n: 20 });

    const renamed = { ...shorter, measures: undefined, bars: shorter.measures };
    await commit(renamed, 3);
    expect(await store.get('scores', 's1')).toEqual({ scoreId: 's1', title: 'Blue Bossa', bars: shorter.measures });

    const small = { ...first, measures: first.measures.slice(0, 2) };
    await commit(small, 4);
    expect(await store.get('scores', 's1')).toEqual(small);
    expect(db.prepare('SELECT count(*) AS n FROM rm_document_items').get()).toEqual({ n: 0 });

    await commit(first, 5);
    await commit(null, 6);
    expect(await store.get('scores', 's1')).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM rm_document_items').get()).toEqual({ n: 0 });
  });

  it('should drop the items with their generation', async () => {
    await commit(score(), 1);
    const next = await store.beginGeneration('score-document');
    await store.activate('score-document', next);
    await store.dropGeneration('score-document', generation);

    expect(db.prepare('SELECT count(*) AS n FROM rm_document_items').get()).toEqual({ n: 0 });
  });

  it('should add the columns it needs to a file written without them, and read the documents already there', async () => {
    const old = join(dir, 'old.sqlite');
    const oldDb = openSqlite(old);
    oldDb.exec(`CREATE TABLE rm_documents (generation INTEGER NOT NULL, collection TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, UNIQUE (generation, collection, id));
      INSERT INTO rm_documents VALUES (1, 'scores', 's1', '{"title":"Old"}');`);
    oldDb.close();

    const upgraded = new SqliteReadModelStore({ filename: old });
    const first = await upgraded.beginGeneration('score-document');
    await upgraded.commit('score-document', first, [{ collection: 'scores', id: 's2', doc: score() }], at(1));
    const reopened = new SqliteReadModelStore({ filename: old });

    expect(first).toBe(1);
    expect(await reopened.loadDocs('score-document', first, 'scores', ['s1', 's2'])).toEqual(new Map<string, object>([['s1', { title: 'Old' }], ['s2', score()]]));
    await Promise.all([upgraded.close(), reopened.close()]);
  });
});
