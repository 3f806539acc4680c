import { InMemoryEventStore } from '@bandpro/events';
import { decideLifecycle, isTrashedAt, lifecycleStreamId, loadLifecycle, refuseTrashed, type ScoreLifecycleEvent } from './score-lifecycle';

const actor = { id: 'u1', kind: 'user' as const };

async function lifecycleAfter(...types: ScoreLifecycleEvent['type'][]) {
  const store = new InMemoryEventStore();
  for (const [i, type] of types.entries()) {
    await store.append(lifecycleStreamId('s'), [{ type, data: { scoreId: 's' } }], { expectedVersion: i === 0 ? 'no_stream' : i, commandId: `c${i}`, actor });
  }
  return { store, loaded: await loadLifecycle(store, 's') };
}

describe('score life cycle', () => {
  it('should trash an active score and restore a trashed one', () => {
    expect(decideLifecycle({ type: 'TrashScore', scoreId: 's' }, 'active')).toEqual([{ type: 'ScoreTrashed', data: { scoreId: 's' } }]);
    expect(decideLifecycle({ type: 'RestoreScore', scoreId: 's' }, 'trashed')).toEqual([{ type: 'ScoreRestored', data: { scoreId: 's' } }]);
  });

  it('should refuse to trash twice, to restore what is not trashed, and to restore or trash a purged score', () => {
    expect(() => decideLifecycle({ type: 'TrashScore', scoreId: 's' }, 'trashed')).toThrow(expect.objectContaining({ code: 'SCORE_ALREADY_TRASHED', kind: 'conflict' }));
    expect(() => decideLifecycle({ type: 'RestoreScore', scoreId: 's' }, 'active')).toThrow(expect.objectContaining({ code: 'SCORE_NOT_TRASHED' }));
    expect(() => decideLifecycle({ type: 'RestoreScore', scoreId: 's' }, 'purged')).toThrow(expect.objectContaining({ code: 'SCORE_PURGED', kind: 'conflict' }));
    expect(() => decideLifecycle({ type: 'TrashScore', scoreId: 's' }, 'purged')).toThrow(expect.objectContaining({ code: 'SCORE_NOT_FOUND', kind: 'not-found' }));
  });

  it('should read trashed from an odd stream version, and tell a restore from a purge by the last event', async () => {
    expect([0, 1, 2, 3].map(isTrashedAt)).toEqual([false, true, false, true]);
    expect(lifecycleStreamId('abc')).toBe('score-lifecycle-abc');
    expect((await lifecycleAfter()).loaded).toEqual({ state: 'active', version: 0 });
    expect((await lifecycleAfter('ScoreTrashed')).loaded).toEqual({ state: 'trashed', version: 1 });
    expect((await lifecycleAfter('ScoreTrashed', 'ScoreRestored')).loaded).toEqual({ state: 'active', version: 2 });
    expect((await lifecycleAfter('ScoreTrashed', 'ScorePurged')).loaded).toEqual({ state: 'purged', version: 2 });
  });

  it('should refuse edits to a trashed score with a conflict and to a purged one as not found', async () => {
    await expect(refuseTrashed((await lifecycleAfter()).store, 's')).resolves.toBeUndefined();
    await expect(refuseTrashed((await lifecycleAfter('ScoreTrashed')).store, 's')).rejects.toMatchObject({ code: 'SCORE_IN_TRASH' });
    await expect(refuseTrashed((await lifecycleAfter('ScoreTrashed', 'ScorePurged')).store, 's')).rejects.toMatchObject({ code: 'SCORE_NOT_FOUND' });
  });
});
