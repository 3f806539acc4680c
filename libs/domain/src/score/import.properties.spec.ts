import fc from 'fast-check';
import { decide, initialScoreState, scoreOf, type ScoreState } from '../index';
import { arbitraryScoreHistory, cmd, run } from '../testing';

describe('ImportScore against states that edits reach', () => {
  it('accepts every reachable score document and imports it unchanged', () => {
    fc.assert(
      fc.property(arbitraryScoreHistory(), (history) => {
        const { state } = run(history.commands);
        if (state.status !== 'active') return;
        const { ownerId: _owner, createdAt: _created, ...document } = scoreOf(state);
        const events = decide(cmd('ImportScore', { score: JSON.parse(JSON.stringify(document)) }), initialScoreState() as ScoreState);
        expect(events).toStrictEqual([{ type: 'ScoreImported', data: { ...document, ownerId: 'user-owner', createdAt: '2025-01-02T03:04:05.000Z' } }]);
      }),
      { numRuns: 150 },
    );
  });
});
