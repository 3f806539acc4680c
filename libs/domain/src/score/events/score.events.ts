import type { Score, ScoreInfo } from '../model/score.types';
import type { DomainEvent } from './event';

/** Carries the whole new document, so a projection can show the score from this event alone. */
export type ScoreCreated = DomainEvent<'ScoreCreated', Score>;
export type ScoreImported = DomainEvent<'ScoreImported', Score>;
/** Back to the empty state (the inverse of a creation or an import); carries the document it discards. */
export type ScoreDiscarded = DomainEvent<'ScoreDiscarded', Score>;
/** Only the fields that changed, before and after. */
export type ScoreInfoUpdated = DomainEvent<'ScoreInfoUpdated', { from: Partial<ScoreInfo>; to: Partial<ScoreInfo> }>;

export type ScoreLifecycleEvent = ScoreCreated | ScoreImported | ScoreDiscarded | ScoreInfoUpdated;
