import { EventDoesNotApply } from '../../errors/event-does-not-apply';
import type {
  ChordSymbolAdded,
  ChordSymbolChanged,
  ChordSymbolRemoved,
  DynamicAdded,
  DynamicChanged,
  DynamicRemoved,
  HairpinAdded,
  HairpinRemoved,
  SlurAdded,
  SlurRemoved,
  TextExpressionAdded,
  TextExpressionRemoved,
} from '../events/mark.events';
import type { ScoreState } from '../model/score.state';
import type { PartMeasure, StaffMeasure } from '../model/score.types';
import { insertMark, removeMark } from './marks.list';
import { requireActive, updatePartMeasure, updateStaff } from './paths';

type StaffList = 'dynamics' | 'hairpins' | 'slurs' | 'texts';
type Mark = StaffMeasure[StaffList][number];

function without<T extends { id: string }>(list: readonly T[], id: string, eventType: string): T[] {
  const result = removeMark(list, id);
  if (result === undefined) throw new EventDoesNotApply(eventType, 'no such mark', { id });
  return result;
}

type StaffMarkEvent =
  | DynamicAdded
  | DynamicRemoved
  | HairpinAdded
  | HairpinRemoved
  | SlurAdded
  | SlurRemoved
  | TextExpressionAdded
  | TextExpressionRemoved;

function markOf(event: StaffMarkEvent): { list: StaffList; mark: Mark } {
  switch (event.type) {
    case 'DynamicAdded':
    case 'DynamicRemoved':
      return { list: 'dynamics', mark: event.data.dynamic };
    case 'HairpinAdded':
    case 'HairpinRemoved':
      return { list: 'hairpins', mark: event.data.hairpin };
    case 'SlurAdded':
    case 'SlurRemoved':
      return { list: 'slurs', mark: event.data.slur };
    case 'TextExpressionAdded':
    case 'TextExpressionRemoved':
      return { list: 'texts', mark: event.data.text };
  }
}

/** A literal per list instead of a computed-key spread keeps one object shape for every staff measure. */
function withList(sm: StaffMeasure, list: StaffList, marks: Mark[]): StaffMeasure {
  return {
    clef: sm.clef,
    voices: sm.voices,
    dynamics: list === 'dynamics' ? (marks as StaffMeasure['dynamics']) : sm.dynamics,
    hairpins: list === 'hairpins' ? (marks as StaffMeasure['hairpins']) : sm.hairpins,
    slurs: list === 'slurs' ? (marks as StaffMeasure['slurs']) : sm.slurs,
    texts: list === 'texts' ? (marks as StaffMeasure['texts']) : sm.texts,
  };
}

export function evolveStaffMark(state: ScoreState, event: StaffMarkEvent): ScoreState {
  const { list, mark } = markOf(event);
  const adding = event.type.endsWith('Added');
  return updateStaff(requireActive(state, event.type), event.data, event.type, (sm) => {
    const marks = sm[list] as readonly Mark[];
    return withList(sm, list, adding ? insertMark(marks, mark) : without(marks, mark.id, event.type));
  });
}

export function evolveDynamicChanged(state: ScoreState, event: DynamicChanged): ScoreState {
  const { dynamicId, to } = event.data;
  return updateStaff(requireActive(state, event.type), event.data, event.type, (sm) => {
    const index = sm.dynamics.findIndex((d) => d.id === dynamicId);
    if (index < 0) throw new EventDoesNotApply(event.type, 'no such dynamic', { dynamicId });
    const dynamics = sm.dynamics.slice();
    dynamics[index] = { ...dynamics[index], value: to };
    return withList(sm, 'dynamics', dynamics);
  });
}

function withChordSymbols(pm: PartMeasure, chordSymbols: PartMeasure['chordSymbols']): PartMeasure {
  return { staves: pm.staves, chordSymbols };
}

export function evolveChordSymbol(
  state: ScoreState,
  event: ChordSymbolAdded | ChordSymbolRemoved | ChordSymbolChanged,
): ScoreState {
  return updatePartMeasure(requireActive(state, event.type), event.data, event.type, (pm) => {
    switch (event.type) {
      case 'ChordSymbolAdded':
        return withChordSymbols(pm, insertMark(pm.chordSymbols, event.data.chordSymbol));
      case 'ChordSymbolRemoved':
        return withChordSymbols(pm, without(pm.chordSymbols, event.data.chordSymbol.id, event.type));
      case 'ChordSymbolChanged': {
        const index = pm.chordSymbols.findIndex((c) => c.id === event.data.chordSymbolId);
        if (index < 0) throw new EventDoesNotApply(event.type, 'no such chord symbol', { id: event.data.chordSymbolId });
        const chordSymbols = pm.chordSymbols.slice();
        chordSymbols[index] = { ...chordSymbols[index], symbol: event.data.to };
        return withChordSymbols(pm, chordSymbols);
      }
    }
  });
}
