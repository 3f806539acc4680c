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
});
