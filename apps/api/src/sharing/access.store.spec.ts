import { SQLITE_FILE_NAME, SqliteEventStore, SqliteSnapshotStore } from '@bandpro/events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountStore } from '../identity/account.store';
import { createScoreLoader, SCORE_SNAPSHOT_SCHEMA, type ScoreLoader } from '../infrastructure/score-loader';
import { StreamFolds } from '../infrastructure/stream-folds';
import { ScoreCommandExecutor } from '../scores/execution/score-command-executor';
import { lifecycleStreamId } from '../scores/lifecycle/score-lifecycle';
import { AccessStore } from './access.store';

const SCORE = '01a215c5-6c05-7eea-8446-000000000001';
const PART = '01a215c5-6c05-7eea-8446-000000000002';
const MEASURE = '01a215c5-6c05-7eea-8446-000000000003';
const alice = { id: 'alice', kind: 'user' as const };

describe('AccessStore on a real SQLite store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let snapshots: SqliteSnapshotStore;
  let loader: ScoreLoader;
  let access: AccessStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bandpro-access-'));
    store = new SqliteEventStore({ filename: join(dir, SQLITE_FILE_NAME) });
    snapshots = new SqliteSnapshotStore(join(dir, SQLITE_FILE_NAME));
    loader = createScoreLoader(store, snapshots, 1);
    // Accounts are asked only about scores an API key created; these are created by a user.
    access = new AccessStore(store, loader, new StreamFolds(store), {} as AccountStore);
    const create = { type: 'CreateScore', data: { scoreId: SCORE, title: 'T', parts: [{ partId: PART, instrumentId: 'trumpet-bb' }], measureIds: [MEASURE] } };
    await new ScoreCommandExecutor(store, createScoreLoader(store, snapshots, 1)).execute({ scoreId: SCORE, commands: [create], actor: alice, commandId: 'c1', creates: true });
  });

  afterEach(async () => {
    await Promise.all([store.close(), snapshots.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const append = (type: string, expectedVersion: number | 'no_stream') =>
    store.append(lifecycleStreamId(SCORE), [{ type, data: { scoreId: SCORE, trashedAt: '2026-01-01T00:00:00.000Z' } }], { expectedVersion, commandId: `${type}-${expectedVersion}`, actor: alice });

  it("should give a score's access list with its creator as owner", async () => {
    expect(await access.load(SCORE)).toEqual({ state: { ownerId: 'alice', members: {}, invites: {}, shareLinks: {} }, version: 0 });
  });

  it('should answer for a purged score from its first event, never loading the score (which could write snapshots again)', async () => {
    await append('ScoreTrashed', 'no_stream');
    await append('ScorePurged', 1);
    await snapshots.deleteStream(SCORE);
    const loads = jest.spyOn(loader, 'load');
    expect((await access.load(SCORE)).state.ownerId).toBe('alice');
    expect(loads).not.toHaveBeenCalled();
    expect(await snapshots.loadLatest(SCORE, { schemaVersion: SCORE_SNAPSHOT_SCHEMA })).toBeUndefined();
  });

  it('should refuse a score that does not exist with 404 SCORE_NOT_FOUND', async () => {
    await expect(access.load('01a215c5-6c05-7eea-8446-00000000dead')).rejects.toMatchObject({ status: 404, code: 'SCORE_NOT_FOUND' });
  });
});
