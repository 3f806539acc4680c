import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from './sqlite-connection';
import { StreamHeads } from './stream-heads';

describe('StreamHeads', () => {
  const db = openSqlite(':memory:');
  db.exec('CREATE TABLE rows (name TEXT)');
  afterAll(() => db.close());

  const committed = (heads: StreamHeads) => {
    heads.begin();
    heads.committed();
  };

  it('should keep what it was told across transactions while nobody else writes', () => {
    const heads = new StreamHeads(db);
    committed(heads);
    heads.set('s', 4);

    heads.begin();

    expect(heads.get('s')).toBe(4);
  });

  it('should forget everything when this connection wrote since the last commit', () => {
    const heads = new StreamHeads(db);
    committed(heads);
    heads.set('s', 4);
    db.prepare("INSERT INTO rows VALUES ('x')").run();

    heads.begin();

    expect(heads.get('s')).toBeUndefined();
  });

  it('should forget everything rather than grow past its limit', () => {
    const heads = new StreamHeads(db, 2);
    heads.set('a', 1);
    heads.set('b', 1);
    heads.set('b', 2);

    heads.set('c', 1);

    expect([heads.get('a'), heads.get('b'), heads.get('c')]).toEqual([undefined, undefined, 1]);
  });

  describe('versions for reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bandpro-read-heads-'));
    const file = join(dir, 'heads.sqlite');
    const mine = openSqlite(file);
    const other = openSqlite(file);
    mine.exec('CREATE TABLE IF NOT EXISTS rows (name TEXT)');
    afterAll(() => {
      mine.close();
      other.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

    it('should look a stream up once per turn and keep the answer while nobody writes', async () => {
      const heads = new StreamHeads(mine);
      const lookUp = jest.fn(() => 3);
      expect([heads.readVersion('s', lookUp), heads.readVersion('s', lookUp)]).toEqual([3, 3]);
      await nextTurn();
      expect(heads.readVersion('s', lookUp)).toBe(3);
      expect(lookUp).toHaveBeenCalledTimes(1);
    });

    it('should see another connection\'s commit from the next turn on', async () => {
      const heads = new StreamHeads(mine);
      let head = 3;
      const lookUp = () => head;
      expect(heads.readVersion('s', lookUp)).toBe(3);
      other.prepare("INSERT INTO rows VALUES ('from another process')").run();
      head = 4;
      expect(heads.readVersion('s', lookUp)).toBe(3);
      await nextTurn();
      expect(heads.readVersion('s', lookUp)).toBe(4);
    });

    it('should see its own connection\'s writes from the next turn on, and its own commits at once', async () => {
      const heads = new StreamHeads(mine);
      let head = 1;
      const lookUp = () => head;
      expect(heads.readVersion('s', lookUp)).toBe(1);
      mine.prepare("INSERT INTO rows VALUES ('snapshot')").run();
      head = 2;
      await nextTurn();
      expect(heads.readVersion('s', lookUp)).toBe(2);
      heads.begin();
      mine.prepare("INSERT INTO rows VALUES ('event 3 of s')").run();
      heads.appendedTo('s', 3);
      heads.committed();
      expect(heads.readVersion('s', () => 99)).toBe(3);
    });

    it('should keep the other streams\' read versions across its own commit, when nobody else wrote', async () => {
      const heads = new StreamHeads(mine);
      await nextTurn();
      expect([heads.readVersion('s', () => 1), heads.readVersion('t', () => 7)]).toEqual([1, 7]);
      heads.begin();
      mine.prepare("INSERT INTO rows VALUES ('event 2 of s')").run();
      heads.appendedTo('s', 2);
      heads.committed();
      await nextTurn();
      const lookUp = jest.fn(() => 99);
      expect([heads.readVersion('s', lookUp), heads.readVersion('t', lookUp)]).toEqual([2, 7]);
      expect(lookUp).not.toHaveBeenCalled();
    });

    it('should forget the read versions at its commit when another connection wrote before it, or a group ran twice', async () => {
      const heads = new StreamHeads(mine);
      await nextTurn();
      heads.readVersion('t', () => 7);
      other.prepare("INSERT INTO rows VALUES ('another process')").run();
      heads.begin();
      heads.appendedTo('s', 2);
      heads.committed();
      expect(heads.readVersion('t', () => 8)).toBe(8);

      await nextTurn();
      heads.readVersion('t', () => 8);
      heads.begin();
      heads.appendedTo('s', 3);
      heads.begin(); // the fast attempt was rolled back: the careful one runs
      heads.appendedTo('s', 3);
      heads.committed();
      expect(heads.readVersion('t', () => 9)).toBe(9);
    });

    it('should forget the read versions rather than grow past its limit', () => {
      const heads = new StreamHeads(mine, 2);
      heads.readVersion('a', () => 1);
      heads.readVersion('b', () => 1);
      heads.readVersion('c', () => 1);
      const lookUp = jest.fn(() => 5);
      expect(heads.readVersion('a', lookUp)).toBe(5);
      expect(lookUp).toHaveBeenCalledTimes(1);
    });
  });
});
