import fc from 'fast-check';
import { replay, type ScoreEvent } from '@bandpro/domain';
import { arbitraryScoreHistory, cmd, createScore, E, f, M, pitch, quarter, writeNote } from '@bandpro/domain/testing';
import { Timeline } from '../undo/timeline';
import { restoreTo } from './restore.helpers';

describe('planRestore, whole score', () => {
  it('should bring the whole score back to version N as one change, keeping the history linear', () => {
    const t = new Timeline();
    t.edit('ann', createScore());
    t.edit('ann', writeNote(E[0], f(0), quarter));
    const n = t.version;
    t.edit('bob', writeNote(E[1], f(0), quarter, [pitch('G')], { measureId: M[1] }));
    t.edit('carl', cmd('DeleteMeasures', { fromMeasureId: M[0], toMeasureId: M[0] }));

    const { events, skipped, after, target } = restoreTo(t, n, { kind: 'score' });

    expect(after).toStrictEqual(target);
    expect(events.map((e) => e.type)[0]).toBe('MeasuresInserted');
    expect(skipped).toEqual([]);
  });

  it('should restore any version of any history exactly', () => {
    fc.assert(
      fc.property(arbitraryScoreHistory({ maxCommands: 25 }), fc.nat(), (generated, pick) => {
        const t = new Timeline();
        generated.commands.forEach((command, i) => t.edit(['ann', 'bob'][i % 2], command));
        const n = pick % (t.version + 1);

        const { after } = restoreTo(t, n, { kind: 'score' });

        expect(after).toStrictEqual(replay(t.events.slice(0, n) as unknown as ScoreEvent[]));
      }),
      { numRuns: 60 },
    );
  });
});
