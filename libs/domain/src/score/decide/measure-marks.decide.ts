import type {
  SetBarline,
  SetClef,
  SetKeySignature,
  SetRehearsalMark,
  SetTempo,
  SetVolta,
} from '../commands/measure.commands';
import type { ScoreEvent } from '../events/score-event';
import type { ScoreState } from '../model/score.state';
import type { EndBarline, StartBarline, Volta } from '../model/score.types';
import { requireMeasure, requireScore, requireStaff } from '../queries/lookup';
import { FieldMustBeValid, FirstMeasureMustHaveTimeAndKeySignature } from '../rules/rule-errors';
import { requireClef, requireKeySignature, requireTempo } from '../validation/attributes';
import { requireOneOf, requireText } from '../validation/values';
import { requireRange } from './measures.decide';
import { sameValue } from './same-value';

export function decideSetKeySignature(command: SetKeySignature, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { measure, index } = requireMeasure(s, command.data.measureId);
  const ks = command.data.keySignature === null ? null : requireKeySignature(command.data.keySignature);
  if (ks === null && index === 0) throw new FirstMeasureMustHaveTimeAndKeySignature({ measureId: measure.id });
  if (sameValue(ks, measure.keySignature)) return [];
  return [{ type: 'KeySignatureChanged', data: { measureId: measure.id, from: measure.keySignature, to: ks } }];
}

export function decideSetClef(command: SetClef, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { locator, staff } = requireStaff(s, command.data);
  const clef = command.data.clef === null ? null : requireClef(command.data.clef);
  if (sameValue(clef, staff.clef)) return [];
  return [{ type: 'ClefChanged', data: { ...locator, from: staff.clef, to: clef } }];
}

export function decideSetTempo(command: SetTempo, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { measure } = requireMeasure(s, command.data.measureId);
  const tempo = command.data.tempo === null ? null : requireTempo(command.data.tempo);
  if (sameValue(tempo, measure.tempo)) return [];
  return [{ type: 'TempoChanged', data: { measureId: measure.id, from: measure.tempo, to: tempo } }];
}

const START_BARLINES: readonly StartBarline[] = ['regular', 'repeat-start'];
const END_BARLINES: readonly EndBarline[] = ['regular', 'double', 'final', 'repeat-end'];

export function decideSetBarline(command: SetBarline, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { measure } = requireMeasure(s, command.data.measureId);
  const side = requireOneOf('side', command.data.side, ['start', 'end'] as const);
  const measureId = measure.id;
  if (side === 'start') {
    const to = requireOneOf('style', command.data.style, START_BARLINES);
    if (to === measure.startBarline) return [];
    return [{ type: 'BarlineChanged', data: { side, measureId, from: measure.startBarline, to } }];
  }
  const to = requireOneOf('style', command.data.style, END_BARLINES);
  if (to === measure.endBarline) return [];
  return [{ type: 'BarlineChanged', data: { side, measureId, from: measure.endBarline, to } }];
}

function requireVolta(numbers: unknown): Volta {
  const valid =
    Array.isArray(numbers) &&
    numbers.length > 0 &&
    numbers.length <= 10 &&
    numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= 20) &&
    new Set(numbers).size === numbers.length;
  if (!valid) throw new FieldMustBeValid({ field: 'numbers', value: numbers, expected: 'distinct ending numbers 1-20' });
  return { numbers: (numbers as number[]).slice().sort((x, y) => x - y) };
}

export function decideSetVolta(command: SetVolta, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const [a, b] = requireRange(s, command.data.fromMeasureId, command.data.toMeasureId);
  const volta = command.data.numbers === null ? null : requireVolta(command.data.numbers);
  return s.measures
    .slice(a, b + 1)
    .filter((m) => !sameValue(m.volta, volta))
    .map((m): ScoreEvent => ({ type: 'VoltaChanged', data: { measureId: m.id, from: m.volta, to: volta } }));
}

export function decideSetRehearsalMark(command: SetRehearsalMark, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { measure } = requireMeasure(s, command.data.measureId);
  const text = command.data.text === null ? null : requireText('text', command.data.text, { max: 20 });
  if (text === measure.rehearsalMark) return [];
  return [{ type: 'RehearsalMarkChanged', data: { measureId: measure.id, from: measure.rehearsalMark, to: text } }];
}
