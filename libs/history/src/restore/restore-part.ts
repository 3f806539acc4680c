import type { ActiveScoreState, Part, PartContent, PartInstrument, ScoreEvent } from '@bandpro/domain';
import { restoreClefsOf } from './carried';
import { restorePartMeasure } from './part-measure';
import { fitsMeasure } from './fit';
import { RestoreScopeNotFound } from './restore.errors';
import type { RestorePlan, RestoreSkip } from './restore.types';

const identityOf = (p: Part): PartInstrument => ({ name: p.name, abbreviation: p.abbreviation, instrumentId: p.instrumentId });

function restoreIdentity(now: Part, then: Part): ScoreEvent[] {
  const from = identityOf(now);
  const to = identityOf(then);
  if (from.instrumentId !== to.instrumentId) return [{ type: 'InstrumentChanged', data: { partId: then.id, from, to } }];
  if (from.name === to.name && from.abbreviation === to.abbreviation) return [];
  return [{ type: 'PartRenamed', data: { partId: then.id, from: { name: from.name, abbreviation: from.abbreviation }, to: { name: to.name, abbreviation: to.abbreviation } } }];
}

/** Target measures that are gone now. */
function deletedSince(current: ActiveScoreState, target: ActiveScoreState): RestoreSkip[] {
  return target.measures
    .filter((m) => current.measureIndex[m.id] === undefined)
    .map((m) => ({ measureId: m.id, partId: null, reason: 'measure-deleted' }));
}

/** The part's old content in every measure both states have, where it still fits. */
function oldContent(current: ActiveScoreState, target: ActiveScoreState, partId: string, skipped: RestoreSkip[]): PartContent {
  const content: PartContent = {};
  current.measures.forEach((m, index) => {
    const then = target.measureIndex[m.id];
    if (then === undefined) return;
    const pm = target.measures[then].content[partId];
    if (fitsMeasure(current, index, pm)) content[m.id] = pm;
    else skipped.push({ measureId: m.id, partId, reason: 'content-does-not-fit' });
  });
  return content;
}

/** The part was removed since, or came back with another staff count: put the old part back whole. */
function readd(current: ActiveScoreState, target: ActiveScoreState, then: Part, skipped: RestoreSkip[]): ScoreEvent[] {
  const events: ScoreEvent[] = [];
  const index = current.parts.findIndex((p) => p.id === then.id);
  if (index >= 0) {
    const content: PartContent = {};
    for (const m of current.measures) content[m.id] = m.content[then.id];
    events.push({ type: 'PartRemoved', data: { part: current.parts[index], index, content } });
  }
  const partCount = current.parts.length - (index >= 0 ? 1 : 0);
  const at = Math.min(target.parts.findIndex((p) => p.id === then.id), partCount);
  events.push({ type: 'PartAdded', data: { part: then, index: at, content: oldContent(current, target, then.id, skipped) } });
  return events;
}

/**
 * The part as it was at N: its names and instrument, and its content (voices, marks, chord symbols, clefs in
 * force) in every measure both versions have. Other parts, and measures added since, are left as they are.
 */
export function restorePart(current: ActiveScoreState, target: ActiveScoreState, partId: string): RestorePlan {
  const then = target.parts.find((p) => p.id === partId);
  if (then === undefined) throw new RestoreScopeNotFound({ scope: 'part', missing: [partId] });
  const skipped = deletedSince(current, target);
  const now = current.parts.find((p) => p.id === partId);
  if (now === undefined || now.staves !== then.staves) return { events: readd(current, target, then, skipped), skipped };
  const events = restoreIdentity(now, then);
  const restored = new Set<string>();
  current.measures.forEach((m, index) => {
    const old = target.measureIndex[m.id];
    if (old === undefined) return;
    const pm = target.measures[old].content[partId];
    if (!fitsMeasure(current, index, pm)) {
      skipped.push({ measureId: m.id, partId, reason: 'content-does-not-fit' });
      return;
    }
    restored.add(m.id);
    events.push(...restorePartMeasure({ partId, measureId: m.id }, m.content[partId], pm, { clefs: false }));
  });
  events.push(...restoreClefsOf(partId, current, target, restored));
  return { events, skipped };
}
