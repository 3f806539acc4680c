import { evolve, invertAll, isScoreEvent, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import type { Change } from '../change';
import { contextOf, partName } from './context';
import { describeEvent } from './describe-event';
import { ENGLISH } from './phrases.en';
import { TRADITIONAL_CHINESE } from './phrases.zh-hant';
import type { BarRange, Locale, Phrases } from './phrases';
import { barNumberOf } from '../diff/bar-numbers';

export interface SummaryOptions {
  locale: Locale;
  /** The actor as the reader knows them (the caller resolves the id to a display name). */
  actorName: string;
}

const PHRASES: Record<Locale, Phrases> = { en: ENGLISH, 'zh-Hant': TRADITIONAL_CHINESE };

type AnyEvent = { type: string; data: unknown };

/* A summary describes; it does not validate: an event that does not apply leaves the state as it was. */
function applySafely(state: ScoreState, event: AnyEvent): ScoreState {
  try {
    return isScoreEvent(event) ? evolve(state, event) : state;
  } catch {
    return state;
  }
}

/** Each event with the state just before it. */
function steps(events: readonly AnyEvent[], before: ScoreState): { event: AnyEvent; state: ScoreState }[] {
  let state = before;
  return events.map((event) => {
    const step = { event, state };
    state = applySafely(state, event);
    return step;
  });
}

/* Events a command makes on the side of its main one: DeleteMeasures carries attributes and spanners past the
 * deleted bars; a shorter time signature or measure removes the rests that no longer fit. */
const SIDE_OF_DELETION = new Set(['TimeSignatureChanged', 'KeySignatureChanged', 'ClefChanged', 'HairpinRemoved', 'SlurRemoved']);

function mainEvents<T extends { event: AnyEvent }>(all: T[]): T[] {
  const main = all.filter((s) => s.event.type !== 'TrailingRestsRemoved');
  const deletions = main.filter((s) => s.event.type === 'MeasuresDeleted');
  if (deletions.length === 1 && main.every((s) => s === deletions[0] || SIDE_OF_DELETION.has(s.event.type))) return deletions;
  return main.length > 0 ? main : all;
}

function touched(event: AnyEvent): { measureIds: string[]; partIds: string[] } {
  const d = (event.data ?? {}) as Record<string, unknown>;
  const selection = d['selection'] as { fromMeasureId: string; toMeasureId: string; partIds: string[] } | undefined;
  const measures = d['measures'] as { id: string }[] | undefined;
  const measureIds = [d['measureId'], selection?.fromMeasureId, selection?.toMeasureId, ...(Array.isArray(measures) ? measures.map((m) => m.id) : [])];
  const partIds = [d['partId'], ...(selection?.partIds ?? [])];
  return { measureIds: measureIds.filter((id): id is string => typeof id === 'string'), partIds: partIds.filter((id): id is string => typeof id === 'string') };
}

type Step = { event: AnyEvent; state: ScoreState };

/** The bars the events touch (null: none found) and, when there is just one, the part's name. */
function extent(all: readonly Step[], t: Phrases): { bars: BarRange | null; part: string | null } {
  const bars: number[] = [];
  const parts = new Map<string, string | null>();
  for (const { event, state } of all) {
    const { measureIds, partIds } = touched(event);
    if (state.status === 'active') for (const id of measureIds) bars.push(barNumberOf(state, id) ?? NaN);
    for (const id of partIds) parts.set(id, partName(contextOf(t, state), id));
  }
  const known = bars.filter((b) => !Number.isNaN(b));
  return {
    bars: known.length === 0 ? null : { from: Math.min(...known), to: Math.max(...known) },
    part: parts.size === 1 ? [...parts.values()][0] : null,
  };
}

/** The same edit in several bars (a volta over three bars) reads as one sentence over the range. */
function sameEditOverBars(main: readonly Step[], bars: BarRange | null, t: Phrases): string | null {
  if (bars === null || main.some((s) => s.event.type !== main[0].event.type)) return null;
  // Two edits in one bar would read as one: only one edit per bar merges.
  if (new Set(main.map((s) => touched(s.event).measureIds.join())).size !== main.length) return null;
  const sentences = new Set(main.map((s) => describeEvent(s.event, contextOf(t, s.state, bars))));
  return sentences.size === 1 ? [...sentences][0] : null;
}

/** What a run of events did, as one predicate: the main event alone, or an aggregate. */
export function describeEvents(events: readonly AnyEvent[], before: ScoreState, t: Phrases): string {
  if (events.length === 0) return t.generic();
  const all = steps(events, before);
  const main = mainEvents(all);
  if (main.length === 1) return describeEvent(main[0].event, contextOf(t, main[0].state));
  const { bars, part } = extent(main, t);
  return sameEditOverBars(main, bars, t) ?? t.aggregate(main.length, bars, part);
}

/** An undo is described by what it took back: its events inverted, read in the state the undo produced. */
function describeUndone(events: readonly AnyEvent[], before: ScoreState, t: Phrases): string {
  if (!events.every(isScoreEvent)) return t.generic();
  const undone = events.reduce(applySafely, before);
  return describeEvents(invertAll(events as ScoreEvent[]), undone, t);
}

/**
 * One change as a sentence for the history list, e.g. "Alice changed B♭4 → C5 in bar 12 (Trumpet 1)".
 * `before` is the score just before the change. Never throws: what it cannot read gets a generic sentence.
 */
export function summarize(change: Change, before: ScoreState, options: SummaryOptions): string {
  const t = PHRASES[options.locale];
  const predicate =
    change.kind === 'undo'
      ? t.undid(describeUndone(change.events, before, t))
      : change.kind === 'redo'
        ? t.redid(describeEvents(change.events, before, t))
        : describeEvents(change.events, before, t);
  return t.sentence(options.actorName, predicate);
}
