import fc from 'fast-check';
import { isDomainError, replay, type ScoreEvent } from '@bandpro/domain';
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

  it('should either refuse an undo with UNDO_CONFLICT or undo it so that a redo gives back the state exactly', () => {
    fc.assert(
      fc.property(
        arbitraryScoreHistory({ maxCommands: 25 }),
        fc.array(fc.nat(2), { minLength: 30, maxLength: 30 }),
        fc.nat(2),
        (generated, who, undoer) => {
          const t = new Timeline();
          generated.commands.forEach((command, i) => t.edit(ACTORS[who[i % who.length]], command));
          const before = t.state;
          try {
            t.undo(ACTORS[undoer]);
          } catch (error) {
            if (!isDomainError(error)) throw error;
            expect(['NOTHING_TO_UNDO', 'UNDO_CONFLICT']).toContain(error.code);
            expect(t.state).toBe(before);
            return;
          }

          t.redo(ACTORS[undoer]);

          expect(t.state).toStrictEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });
});
