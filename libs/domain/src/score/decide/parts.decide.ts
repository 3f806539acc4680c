import type { AddPart, ChangeInstrument, MovePart, RemovePart, RenamePart } from '../commands/part.commands';
import type { PartContent } from '../events/part.events';
import type { ScoreEvent } from '../events/score-event';
import { isEmptyPartMeasure } from '../model/empty-content';
import type { ScoreState } from '../model/score.state';
import { requireFresh, structuralIds } from '../queries/ids';
import { requirePart, requireScore } from '../queries/lookup';
import { IndexMustBeInRange, ScoreMustKeepAtLeastOnePart, StaffCountMustMatchInstrument } from '../rules/rule-errors';
import { requireText } from '../validation/values';
import { buildPart, partNames, requireInstrument } from './part.builder';

function requireIndex(index: unknown, max: number): number {
  if (!Number.isInteger(index) || (index as number) < 0 || (index as number) > max) {
    throw new IndexMustBeInRange({ index, max });
  }
  return index as number;
}

export function decideAddPart(command: AddPart, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const part = buildPart(command.data);
  requireFresh(structuralIds(s), [part.id], 'score');
  const index = command.data.index === undefined ? s.parts.length : requireIndex(command.data.index, s.parts.length);
  return [{ type: 'PartAdded', data: { part, index, content: {} } }];
}

export function decideRemovePart(command: RemovePart, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { part, index } = requirePart(s, command.data.partId);
  if (s.parts.length === 1) throw new ScoreMustKeepAtLeastOnePart({ partId: part.id });
  const content: PartContent = {};
  for (const m of s.measures) {
    const pm = m.content[part.id];
    if (!isEmptyPartMeasure(pm)) content[m.id] = pm;
  }
  return [{ type: 'PartRemoved', data: { part, index, content } }];
}

export function decideMovePart(command: MovePart, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { part, index } = requirePart(s, command.data.partId);
  const toIndex = requireIndex(command.data.toIndex, s.parts.length - 1);
  return toIndex === index ? [] : [{ type: 'PartMoved', data: { partId: part.id, fromIndex: index, toIndex } }];
}

export function decideRenamePart(command: RenamePart, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { part } = requirePart(s, command.data.partId);
  const name = requireText('name', command.data.name, { max: 100 });
  const { abbreviation: abbr } = command.data;
  const abbreviation = abbr === undefined ? part.abbreviation : requireText('abbreviation', abbr, { allowEmpty: true, max: 20 });
  if (name === part.name && abbreviation === part.abbreviation) return [];
  return [
    {
      type: 'PartRenamed',
      data: { partId: part.id, from: { name: part.name, abbreviation: part.abbreviation }, to: { name, abbreviation } },
    },
  ];
}

export function decideChangeInstrument(command: ChangeInstrument, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { part } = requirePart(s, command.data.partId);
  const instrument = requireInstrument(command.data.instrumentId);
  if (instrument.staves !== part.staves) {
    throw new StaffCountMustMatchInstrument({ partId: part.id, staves: part.staves, instrumentStaves: instrument.staves });
  }
  const to = { instrumentId: instrument.id, ...partNames(command.data, instrument) };
  const from = { instrumentId: part.instrumentId, name: part.name, abbreviation: part.abbreviation };
  if (to.instrumentId === from.instrumentId && to.name === from.name && to.abbreviation === from.abbreviation) return [];
  return [{ type: 'InstrumentChanged', data: { partId: part.id, from, to } }];
}
