import fc from 'fast-check';
import { decide, evolve, initialScoreState, invertAll, SCORE_EVENT_TYPES, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import { arbitraryScoreHistory } from '@bandpro/domain/testing';
import { sayEvents } from './summary-helpers';

describe('summarize properties', () => {
  it('should give every change of a random valid history, and its undo, a sentence in both languages without throwing', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraryScoreHistory({ maxCommands: 40 }), (history) => {
        let state: ScoreState = initialScoreState();
        for (const command of history.commands) {
          const events: ScoreEvent[] = decide(command, state);
          const after = events.reduce(evolve, state);
          // Each event alone too, so that every event type is described, not only the main one of its command.
          let at = state;
          for (const e of events) {
            const [en, zh] = sayEvents([e], at);
            // A known event read from a valid history never needs the fallback.
            expect(en).toMatch(/^Alice (?!made a change)\S/);
            expect(zh).toMatch(/^Alice (?!做了一項修改)\S/);
            expect(`${en} ${zh}`).not.toMatch(/undefined|NaN|\[object|\?/);
            at = evolve(at, e);
            seen.add(e.type);
          }
          for (const sentence of [...sayEvents(events, state), ...sayEvents(invertAll(events), after, 'undo')]) {
            expect(sentence).toMatch(/^Alice \S/);
            expect(sentence).not.toMatch(/undefined|NaN|\[object/);
          }
          state = after;
        }
      }),
      { numRuns: 80 },
    );
    // The generated histories should have reached most of the event types (a guard against a vacuous run).
    expect(seen.size).toBeGreaterThan(SCORE_EVENT_TYPES.length / 2);
  });
});
