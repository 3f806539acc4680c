import { barNumberOf } from '../diff/bar-numbers';
import { contextOf, partName, type Reading } from './context';
import { describeEvent } from './describe-event';
import type { BarRange } from './phrases';
import type { AnyEvent, Step } from './steps';

const isId = (id: unknown): id is string => typeof id === 'string';

/** The measures and parts an event names, read from its data without knowing its type. */
function touched(event: AnyEvent): { measureIds: string[]; partIds: string[] } {
  const d = (event.data ?? {}) as Record<string, unknown>;
  const selection = d['selection'] as { fromMeasureId: string; toMeasureId: string; partIds: string[] } | undefined;
  const measures = d['measures'] as { id: string }[] | undefined;
  const listed = Array.isArray(measures) ? measures.map((m) => m.id) : [];
  const measureIds = [d['measureId'], selection?.fromMeasureId, selection?.toMeasureId, ...listed];
  const partIds = [d['partId'], ...(selection?.partIds ?? [])];
  return { measureIds: measureIds.filter(isId), partIds: partIds.filter(isId) };
}

/** The bars the events touch (null: none found) and, when there is just one, the part's name. */
export function extent(all: readonly Step[], reading: Reading): { bars: BarRange | null; part: string | null } {
  const bars: number[] = [];
  const parts = new Map<string, string | null>();
  for (const { event, state } of all) {
    const { measureIds, partIds } = touched(event);
    if (state.status === 'active') for (const id of measureIds) bars.push(barNumberOf(state, id) ?? NaN);
    for (const id of partIds) parts.set(id, partName(contextOf(reading, state), id));
  }
  const known = bars.filter((b) => !Number.isNaN(b));
  return {
    bars: known.length === 0 ? null : { from: Math.min(...known), to: Math.max(...known) },
    part: parts.size === 1 ? [...parts.values()][0] : null,
  };
}

/** The same edit in several bars (a volta over three bars) reads as one sentence over the range. */
export function sameEditOverBars(main: readonly Step[], bars: BarRange | null, reading: Reading): string | null {
  if (bars === null || main.some((s) => s.event.type !== main[0].event.type)) return null;
  // Two edits in one bar would read as one: only one edit per bar merges.
  if (new Set(main.map((s) => touched(s.event).measureIds.join())).size !== main.length) return null;
  const sentences = new Set(main.map((s) => describeEvent(s.event, contextOf(reading, s.state, bars))));
  return sentences.size === 1 ? [...sentences][0] : null;
}
