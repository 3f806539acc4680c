import { invertAll, isScoreEvent, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import type { Change, HistoryActor } from '../change';
import { extent, sameEditOverBars } from './aggregate';
import { contextOf, type Reading } from './context';
import { describeEvent } from './describe-event';
import { ENGLISH } from './phrases.en';
import { TRADITIONAL_CHINESE } from './phrases.zh-hant';
import type { Locale, Phrases } from './phrases';
import { applySafely, mainEvents, steps, type AnyEvent } from './steps';

export interface SummaryOptions {
  locale: Locale;
  /** The actor as the reader knows them (the caller resolves the id to a display name). */
  actorName: string;
  /** Pitches and chord symbols as they sound (default) or as each part is written (B♭ trumpet: a tone higher). */
  pitches?: 'concert' | 'written';
}

const PHRASES: Record<Locale, Phrases> = { en: ENGLISH, 'zh-Hant': TRADITIONAL_CHINESE };

/** What a run of events did, as one predicate: the main event alone, or an aggregate. */
function describeEvents(events: readonly AnyEvent[], before: ScoreState, reading: Reading): string {
  if (events.length === 0) return reading.t.generic();
  const main = mainEvents(steps(events, before));
  if (main.length === 1) return describeEvent(main[0].event, contextOf(reading, main[0].state));
  const { bars, part } = extent(main, reading);
  return sameEditOverBars(main, bars, reading) ?? reading.t.aggregate(main.length, bars, part);
}

/** An undo is described by what it took back: its events inverted, read in the state the undo produced. */
function describeUndone(events: readonly AnyEvent[], before: ScoreState, reading: Reading): string {
  if (!events.every(isScoreEvent)) return reading.t.generic();
  const undone = events.reduce(applySafely, before);
  return describeEvents(invertAll(events as ScoreEvent[]), undone, reading);
}

/**
 * One change as a sentence for the history list, e.g. "Alice changed B♭4 → C5 in bar 12 (Trumpet 1)".
 * `before` is the score just before the change. Never throws: what it cannot read gets a generic sentence.
 */
export function summarize(change: Change, before: ScoreState, options: SummaryOptions): string {
  const t = PHRASES[options.locale];
  const reading: Reading = { t, written: options.pitches === 'written' };
  const predicate =
    change.kind === 'undo'
      ? t.undid(describeUndone(change.events, before, reading))
      : change.kind === 'redo'
        ? t.redid(describeEvents(change.events, before, reading))
        : describeEvents(change.events, before, reading);
  return t.sentence(options.actorName, predicate);
}

export interface ChangesSummaryOptions extends Omit<SummaryOptions, 'actorName'> {
  actorName: (actor: HistoryActor) => string;
}

/**
 * Consecutive changes, each summarised against the state just before it: `before` is the score before the
 * first one, and the rest follows by replaying the changes' own events.
 */
export function summarizeChanges(changes: readonly Change[], before: ScoreState, options: ChangesSummaryOptions): string[] {
  let state = before;
  return changes.map((change) => {
    const sentence = summarize(change, state, { ...options, actorName: options.actorName(change.actor) });
    state = change.events.reduce(applySafely, state);
    return sentence;
  });
}
