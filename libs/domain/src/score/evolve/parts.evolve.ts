import { EventDoesNotApply } from '../../errors/event-does-not-apply';
import type { InstrumentChanged, PartAdded, PartMoved, PartRemoved, PartRenamed } from '../events/part.events';
import { emptyPartMeasure } from '../model/empty-content';
import type { ActiveScoreState, ScoreState } from '../model/score.state';
import type { Measure, Part } from '../model/score.types';
import { requireActive } from './paths';

/* Adding or removing a part touches every measure's content: O(measures), as rare as it is. */

export function evolvePartAdded(state: ScoreState, event: PartAdded): ScoreState {
  const s = requireActive(state, event.type);
  const { part, index, content } = event.data;
  const parts = s.parts.slice();
  parts.splice(index, 0, part);
  const measures = s.measures.map(
    (m): Measure => ({ ...m, content: { ...m.content, [part.id]: content[m.id] ?? emptyPartMeasure(part.staves) } }),
  );
  return { ...s, parts, measures };
}

export function evolvePartRemoved(state: ScoreState, event: PartRemoved): ScoreState {
  const s = requireActive(state, event.type);
  const { part, index } = event.data;
  if (s.parts[index]?.id !== part.id) throw new EventDoesNotApply(event.type, 'no such part there', { partId: part.id });
  const parts = s.parts.filter((_, i) => i !== index);
  const measures = s.measures.map((m): Measure => {
    const { [part.id]: _removed, ...content } = m.content;
    return { ...m, content };
  });
  return { ...s, parts, measures };
}

export function evolvePartMoved(state: ScoreState, event: PartMoved): ScoreState {
  const s = requireActive(state, event.type);
  const { partId, fromIndex, toIndex } = event.data;
  if (s.parts[fromIndex]?.id !== partId) throw new EventDoesNotApply(event.type, 'no such part there', { partId });
  const parts = s.parts.slice();
  const [moved] = parts.splice(fromIndex, 1);
  parts.splice(toIndex, 0, moved);
  return { ...s, parts };
}

function updatePart(s: ActiveScoreState, partId: string, eventType: string, update: (p: Part) => Part): ScoreState {
  const index = s.parts.findIndex((p) => p.id === partId);
  if (index < 0) throw new EventDoesNotApply(eventType, 'no such part', { partId });
  const parts = s.parts.slice();
  parts[index] = update(parts[index]);
  return { ...s, parts };
}

export function evolvePartRenamed(state: ScoreState, event: PartRenamed): ScoreState {
  const { partId, to } = event.data;
  return updatePart(requireActive(state, event.type), partId, event.type, (p) => ({ ...p, ...to }));
}

export function evolveInstrumentChanged(state: ScoreState, event: InstrumentChanged): ScoreState {
  const { partId, to } = event.data;
  return updatePart(requireActive(state, event.type), partId, event.type, (p) => ({ ...p, ...to }));
}
