import { evolve, replay, type ActiveScoreState, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import { planRestore, type RestorePlan, type RestoreScope } from '../../src/restore';
import type { Timeline } from '../undo/timeline';

export const stateAt = (t: Timeline, version: number): ScoreState => replay(t.events.slice(0, version) as unknown as ScoreEvent[]);

/** Plans a restore of `scope` to `version` and applies the events to the head state, one by one through evolve. */
export function restoreTo(t: Timeline, version: number, scope: RestoreScope): RestorePlan & { before: ActiveScoreState; target: ActiveScoreState; after: ActiveScoreState } {
  const target = stateAt(t, version) as ActiveScoreState;
  const before = t.state as ActiveScoreState;
  const plan = planRestore({ current: before, target, eventsSince: t.events.slice(version), scope });
  const after = plan.events.reduce<ScoreState>(evolve, before) as ActiveScoreState;
  return { ...plan, before, target, after };
}

export const measure = (s: ActiveScoreState, id: string) => s.measures[s.measureIndex[id]];

/** A measure without one part's content, to compare what a part restore must leave alone. */
export function withoutPart(s: ActiveScoreState, id: string, partId: string) {
  const { content, ...attributes } = measure(s, id);
  const { [partId]: _part, ...others } = content;
  return { ...attributes, content: others };
}
