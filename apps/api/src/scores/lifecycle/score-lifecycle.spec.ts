import { decideLifecycle, isTrashedAt, lifecycleStreamId } from './score-lifecycle';

describe('the score life cycle (trash and restore)', () => {
  it('should trash an active score and restore a trashed one', () => {
    expect(decideLifecycle({ type: 'TrashScore', scoreId: 's' }, false)).toEqual([{ type: 'ScoreTrashed', data: { scoreId: 's' } }]);
    expect(decideLifecycle({ type: 'RestoreScore', scoreId: 's' }, true)).toEqual([{ type: 'ScoreRestored', data: { scoreId: 's' } }]);
  });

  it('should refuse to trash twice or restore what is not in the trash', () => {
    expect(() => decideLifecycle({ type: 'TrashScore', scoreId: 's' }, true)).toThrow(expect.objectContaining({ code: 'SCORE_ALREADY_TRASHED', kind: 'conflict' }));
    expect(() => decideLifecycle({ type: 'RestoreScore', scoreId: 's' }, false)).toThrow(expect.objectContaining({ code: 'SCORE_NOT_TRASHED' }));
  });

  it('should read "trashed" from the version of a stream whose events alternate', () => {
    expect([0, 1, 2, 3].map(isTrashedAt)).toEqual([false, true, false, true]);
    expect(lifecycleStreamId('abc')).toBe('score-lifecycle-abc');
  });
});
