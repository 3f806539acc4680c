import { MemoryAuditLog } from '@bandpro/audit';
import { InMemorySnapshotStore } from '@bandpro/events';
import { InMemoryReadModelStore } from '@bandpro/read-models';
import { PeopleWorld, scoreIdOf } from '../../../test/fixtures/people-world';
import { TrashPurger } from './trash-purger';

const DAY = 24 * 60 * 60 * 1000;
const S1 = scoreIdOf(1);
const S2 = scoreIdOf(2);

describe('TrashPurger', () => {
  let now: number;
  let world: PeopleWorld;
  let snapshots: InMemorySnapshotStore;
  let audit: MemoryAuditLog;
  const purger = () => new TrashPurger({ events: world.events, readModels: world.store, snapshots, audit, retentionDays: 30, now: () => now });
  const lifecycleTypes = async (scoreId: string) => {
    const types: string[] = [];
    for await (const event of world.events.readStream(`score-lifecycle-${scoreId}`)) types.push(event.type);
    return types;
  };

  beforeEach(async () => {
    now = Date.UTC(2026, 0, 1);
    world = new PeopleWorld(new InMemoryReadModelStore(), undefined, 100, () => new Date(now));
    snapshots = new InMemorySnapshotStore();
    audit = new MemoryAuditLog();
    await world.score(S1, 'ann', 'Old');
    await world.score(S2, 'ann', 'Recent');
    await snapshots.save({ streamId: S1, version: 1, schemaVersion: 1, state: {} });
  });

  it('should purge a score trashed more than 30 days ago from every read model, and leave one trashed since', async () => {
    await world.lifecycle(S1, 'ScoreTrashed');
    now += 10 * DAY;
    await world.lifecycle(S2, 'ScoreTrashed');
    now += 21 * DAY;
    await world.catchUp();

    const report = await purger().purgeDue();

    expect(report).toEqual({ cutoff: new Date(now - 30 * DAY).toISOString(), purged: [S1], skipped: [] });
    expect(await lifecycleTypes(S1)).toEqual(['ScoreTrashed', 'ScorePurged']);
    expect(await lifecycleTypes(S2)).toEqual(['ScoreTrashed']);
    expect(await snapshots.loadLatest(S1, { schemaVersion: 1 })).toBeUndefined();
    await world.catchUp();
    for (const collection of ['score-document', 'score-catalogue', 'score-access']) {
      expect(await world.store.get(collection, S1)).toBeUndefined();
      expect(await world.store.get(collection, S2)).toBeDefined();
    }
    expect(await world.store.find('score-library', { where: { kind: 'entry', scoreId: S1 } })).toEqual([]);
    expect(await world.store.find('score-library', { where: { kind: 'entry', scoreId: S2 } })).toHaveLength(1);
  });

  it('should record each purge in the audit log as the system', async () => {
    await world.lifecycle(S1, 'ScoreTrashed');
    now += 31 * DAY;
    await world.catchUp();
    await purger().purgeDue();
    const { records } = await audit.query({ limit: 10 });
    expect(records).toEqual([expect.objectContaining({ action: 'score.purged', scoreId: S1, actor: { id: 'trash-purge', kind: 'system' }, outcome: 'success' })]);
  });

  it('should leave a score restored after the library last saw it in the trash', async () => {
    await world.lifecycle(S1, 'ScoreTrashed');
    await world.catchUp();
    await world.lifecycle(S1, 'ScoreRestored');
    now += 31 * DAY;

    expect(await purger().purgeDue()).toMatchObject({ purged: [], skipped: [S1] });
    expect(await lifecycleTypes(S1)).toEqual(['ScoreTrashed', 'ScoreRestored']);
    expect(await snapshots.loadLatest(S1, { schemaVersion: 1 })).toBeDefined();
  });

  it('should purge once when two projectors run it at the same time, and find nothing left after', async () => {
    await world.lifecycle(S1, 'ScoreTrashed');
    now += 31 * DAY;
    await world.catchUp();

    const reports = await Promise.all([purger().purgeDue(), purger().purgeDue()]);

    expect(reports.flatMap((r) => r.purged)).toEqual([S1]);
    expect(await lifecycleTypes(S1)).toEqual(['ScoreTrashed', 'ScorePurged']);
    expect(await purger().purgeDue()).toMatchObject({ purged: [], skipped: [S1] });
    await world.catchUp();
    expect(await purger().purgeDue()).toMatchObject({ purged: [], skipped: [] });
    expect((await audit.query({ limit: 10 })).records).toHaveLength(1);
  });
});
