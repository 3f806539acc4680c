import { EventDoesNotApply } from '../../errors/event-does-not-apply';
import type {
  BarlineChanged,
  ClefChanged,
  KeySignatureChanged,
  MeasureLengthChanged,
  MeasuresDeleted,
  MeasuresInserted,
  RehearsalMarkChanged,
  TempoChanged,
  TimeSignatureChanged,
  TrailingRestsRemoved,
  VoltaChanged,
} from '../events/measure.events';
import { indexMeasures, type ScoreState } from '../model/score.state';
import type { Measure } from '../model/score.types';
import { requireActive, spliceEntries, updateMeasure, updateStaff, updateVoice } from './paths';

export function evolveMeasuresInserted(state: ScoreState, event: MeasuresInserted): ScoreState {
  const s = requireActive(state, event.type);
  const { index, measures: added } = event.data;
  if (index < 0 || index > s.measures.length) throw new EventDoesNotApply(event.type, 'index out of range', { index });
  const measures = s.measures.slice(0, index).concat(added, s.measures.slice(index));
  return { ...s, measures, measureIndex: indexMeasures(measures) };
}

export function evolveMeasuresDeleted(state: ScoreState, event: MeasuresDeleted): ScoreState {
  const s = requireActive(state, event.type);
  const { index, measures: deleted } = event.data;
  deleted.forEach((m, k) => {
    if (s.measures[index + k]?.id !== m.id) throw new EventDoesNotApply(event.type, 'no such measure there', { measureId: m.id });
  });
  const measures = s.measures.slice(0, index).concat(s.measures.slice(index + deleted.length));
  return { ...s, measures, measureIndex: indexMeasures(measures) };
}

type MeasureChange =
  | TimeSignatureChanged
  | KeySignatureChanged
  | MeasureLengthChanged
  | TempoChanged
  | VoltaChanged
  | RehearsalMarkChanged
  | BarlineChanged;

const FIELD: Record<Exclude<MeasureChange['type'], 'BarlineChanged'>, keyof Measure> = {
  TimeSignatureChanged: 'timeSignature',
  KeySignatureChanged: 'keySignature',
  MeasureLengthChanged: 'length',
  TempoChanged: 'tempo',
  VoltaChanged: 'volta',
  RehearsalMarkChanged: 'rehearsalMark',
};

export function evolveMeasureChange(state: ScoreState, event: MeasureChange): ScoreState {
  const field =
    event.type === 'BarlineChanged' ? (event.data.side === 'start' ? 'startBarline' : 'endBarline') : FIELD[event.type];
  return updateMeasure(requireActive(state, event.type), event.data.measureId, event.type, (m) => ({
    ...m,
    [field]: event.data.to,
  }));
}

export function evolveClefChanged(state: ScoreState, event: ClefChanged): ScoreState {
  return updateStaff(requireActive(state, event.type), event.data, event.type, (sm) => ({ ...sm, clef: event.data.to }));
}

export function evolveTrailingRestsRemoved(state: ScoreState, event: TrailingRestsRemoved): ScoreState {
  const { afterEntryId, rests } = event.data;
  return updateVoice(requireActive(state, event.type), event.data, event.type, (entries) =>
    spliceEntries(entries, afterEntryId, rests, [], event.type),
  );
}
