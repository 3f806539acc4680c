import fc from 'fast-check';
import { replay, type ScoreEvent } from '@bandpro/domain';
import { arbitraryScoreHistory } from '@bandpro/domain/testing';
import { Timeline } from './timeline';

const ACTORS = ['ann', 'bob', 'carl'];

describe('undo properties', () => {
  it('should restore the state before the last change exactly when nobody edited after it (2–3 people)', () => {
    fc.assert(
      fc.property(
        arbitraryScoreHistory({ maxCommands: 25 }),
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.nat(2), { minLength: 30, maxLength: 30 }),
        (generated, people, who) => {
          const t = new Timeline();
          generated.commands.forEach((command, i) => t.edit(ACTORS[who[i % who.length] % people], command));
          const last = t.changes().pop();
          if (last === undefined) return;
          const before = replay(t.events.slice(0, last.fromVersion - 1) as unknown as ScoreEvent[]);

          const plan = t.undo(last.actor.id);

          expect(plan.target.commandId).toBe(last.commandId);
          expect(t.state).toStrictEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });
});
