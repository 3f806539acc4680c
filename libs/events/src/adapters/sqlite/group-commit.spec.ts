import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupCommit, RejectedBeforeWrite } from './group-commit';
import { openSqlite, type SqliteDatabase } from './sqlite-connection';

class UnitError extends Error {}

describe('GroupCommit', () => {
  let dir: string;
  let db: SqliteDatabase;
  let group: GroupCommit;
  const runs: Record<string, number> = {};

  const insert = (name: string) => () => {
    runs[name] = (runs[name] ?? 0) + 1;
    db.prepare('INSERT INTO rows (name) VALUES (?)').run(name);
    return name;
  };
  const insertThenFail = (name: string) => () => {
    insert(name)();
    throw new UnitError(`${name} failed after writing`);
  };
  const rows = () => db.prepare<[], { name: string }>('SELECT name FROM rows ORDER BY rowid').all().map((row) => row.name);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bandpro-group-'));
    db = openSqlite(join(dir, 'group.sqlite'));
    db.exec('CREATE TABLE rows (name TEXT NOT NULL)');
    group = new GroupCommit(db, { onCommitFailure: (error) => error });
    for (const name of Object.keys(runs)) delete runs[name];
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should commit a group in one pass when no unit fails', async () => {
    const results = await Promise.all([group.submit(insert('a')), group.submit(insert('b'))]);

    expect(results).toEqual(['a', 'b']);
    expect(rows()).toEqual(['a', 'b']);
    expect(runs).toEqual({ a: 1, b: 1 });
    expect(group.stats).toEqual({ commits: 1, appends: 2, fallbacks: 0 });
  });

  it('should reject a unit that fails before writing without running its neighbours again', async () => {
    const lostRace = new UnitError('lost race');

    const outcomes = await Promise.allSettled([
      group.submit(insert('a')),
      group.submit(() => {
        throw new RejectedBeforeWrite(lostRace);
      }),
      group.submit(insert('c')),
    ]);

    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'a' },
      { status: 'rejected', reason: lostRace },
      { status: 'fulfilled', value: 'c' },
    ]);
    expect(rows()).toEqual(['a', 'c']);
    expect(runs).toEqual({ a: 1, c: 1 });
    expect(group.stats.fallbacks).toBe(0);
  });

  it('should roll the group back and run it again unit by unit when one fails after writing', async () => {
    const outcomes = await Promise.allSettled([
      group.submit(insert('a')),
      group.submit(insertThenFail('b')),
      group.submit(insert('c')),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(UnitError);
    expect(rows()).toEqual(['a', 'c']);
    // The fast pass stopped at b; the careful pass ran all three, each in its own savepoint.
    expect(runs).toEqual({ a: 2, b: 2, c: 1 });
    expect(group.stats).toEqual({ commits: 1, appends: 3, fallbacks: 1 });
  });

  it('should go back to the fast pass for the next group after a fallback', async () => {
    await Promise.allSettled([group.submit(insertThenFail('x')), group.submit(insert('a'))]);

    await Promise.all([group.submit(insert('b')), group.submit(insert('c'))]);

    expect(rows()).toEqual(['a', 'b', 'c']);
    expect(runs).toEqual({ x: 2, a: 1, b: 1, c: 1 });
    expect(group.stats.fallbacks).toBe(1);
  });

  describe('commit window', () => {
    const nextMacrotask = () => new Promise((resolve) => setTimeout(resolve, 5));

    it('should commit a lone writer at once, never waiting for company', async () => {
      // A window this long would time the test out if a lone writer waited in it.
      const patient = new GroupCommit(db, { onCommitFailure: (error) => error, windowMs: 60_000 });

      for (const name of ['a', 'b', 'c']) await patient.submit(insert(name));

      expect(rows()).toEqual(['a', 'b', 'c']);
      expect(patient.stats.commits).toBe(3);
    });

    it('should wait for as many writers as the last group had and commit once they are all there', async () => {
      const patient = new GroupCommit(db, { onCommitFailure: (error) => error, windowMs: 60_000 });
      await Promise.all([patient.submit(insert('a')), patient.submit(insert('b')), patient.submit(insert('c'))]);

      const first = patient.submit(insert('d'));
      await nextMacrotask();
      expect(rows()).toEqual(['a', 'b', 'c']);
      await Promise.all([first, patient.submit(insert('e')), patient.submit(insert('f'))]);

      expect(rows()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
      expect(patient.stats).toEqual({ commits: 2, appends: 6, fallbacks: 0 });
    });

    it('should commit what it holds when the window closes', async () => {
      const brief = new GroupCommit(db, { onCommitFailure: (error) => error, windowMs: 20 });
      await Promise.all([brief.submit(insert('a')), brief.submit(insert('b'))]);

      const startedAt = performance.now();
      await brief.submit(insert('c'));

      expect(performance.now() - startedAt).toBeGreaterThanOrEqual(15);
      expect(rows()).toEqual(['a', 'b', 'c']);
      expect(brief.stats.commits).toBe(2);
    });

    it('should commit what is queued when flushed inside the window', async () => {
      const patient = new GroupCommit(db, { onCommitFailure: (error) => error, windowMs: 60_000 });
      await Promise.all([patient.submit(insert('a')), patient.submit(insert('b'))]);

      const pending = patient.submit(insert('c'));
      patient.flush();

      await expect(pending).resolves.toBe('c');
      expect(rows()).toEqual(['a', 'b', 'c']);
    });
  });
});
