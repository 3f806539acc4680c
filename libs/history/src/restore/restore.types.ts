import type { ScoreEvent, ScoreState } from '@bandpro/domain';
import type { HistoryEvent } from '../change';

export type RestoreScope =
  | { kind: 'score' }
  | { kind: 'part'; partId: string }
  | { kind: 'bars'; fromMeasureId: string; toMeasureId: string };

export interface RestoreInput {
  current: ScoreState;
  /** The state at version N. */
  target: ScoreState;
  /** Events N+1..head, in order. */
  eventsSince: readonly HistoryEvent[];
  scope: RestoreScope;
}

export type SkipReason =
  /** The measure was deleted since: there is nowhere to put its old content. */
  | 'measure-deleted'
  /** The part was removed since (bars scope): restore the part first. */
  | 'part-removed'
  /** The part was removed and added again with another staff count. */
  | 'staves-changed'
  /** The old content is longer than the measure is now (its time signature or length changed since). */
  | 'content-does-not-fit';

/** Content of the target that could not be put back; `partId` null means the whole measure. */
export interface RestoreSkip {
  measureId: string;
  partId: string | null;
  reason: SkipReason;
}

export interface RestorePlan {
  /** Compensating events, valid for evolve on `current` in this order: append them as one change. */
  events: ScoreEvent[];
  skipped: RestoreSkip[];
}
