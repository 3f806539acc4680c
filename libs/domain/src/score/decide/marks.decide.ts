import { eqF, formatF, lteF, ltF } from '../../music/fraction';
import type { Fraction } from '../../music/music.types';
import type {
  AddHairpin,
  AddSlur,
  AddTextExpression,
  PositionInput,
  RemoveChordSymbol,
  RemoveDynamic,
  RemoveHairpin,
  RemoveSlur,
  RemoveTextExpression,
  SetChordSymbol,
  SetDynamic,
} from '../commands/mark.commands';
import type { ScoreEvent } from '../events/score-event';
import type { ActiveScoreState, ScoreState } from '../model/score.state';
import type { DynamicValue, HairpinKind, ScorePosition } from '../model/score.types';
import { measureLengthAt } from '../queries/attributes';
import { requireFreshInMeasure } from '../queries/ids';
import { requireMeasure, requirePart, requireScore, requireStaff, requireVoiceNumber } from '../queries/lookup';
import { entryOffsets } from '../queries/voice';
import {
  OffsetMustBeWithinMeasure,
  ReferencedElementMustExist,
  SlurMustJoinNotes,
  SpannerMustEndAfterStart,
} from '../rules/rule-errors';
import { requireChordSymbol } from '../validation/attributes';
import { requireClientId } from '../validation/ids';
import { requireFraction, requireOneOf, requireText } from '../validation/values';
import { sameValue } from './same-value';

const DYNAMICS: readonly DynamicValue[] = ['ppp', 'pp', 'p', 'mp', 'mf', 'f', 'ff', 'fff', 'sf', 'sfz', 'fp'];
const HAIRPINS: readonly HairpinKind[] = ['crescendo', 'diminuendo'];

/** An offset inside the measure; `allowEnd` admits the measure's end itself (where a hairpin may stop). */
function requireOffset(s: ActiveScoreState, measureIndex: number, value: unknown, allowEnd = false): Fraction {
  const offset = requireFraction('offset', value);
  const length = measureLengthAt(s, measureIndex);
  if (allowEnd ? ltF(length, offset) : lteF(length, offset)) {
    const measureId = s.measures[measureIndex].id;
    throw new OffsetMustBeWithinMeasure({ measureId, offset: formatF(offset), measureLength: formatF(length) });
  }
  return offset;
}

function requireMark<T extends { id: string }>(list: readonly T[], id: unknown, kind: string): T {
  const mark = list.find((m) => m.id === id);
  if (mark === undefined) throw new ReferencedElementMustExist({ kind, id });
  return mark;
}

export function decideSetDynamic(command: SetDynamic, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { locator, staff, measure, measureIndex } = requireStaff(s, command.data);
  const offset = requireOffset(s, measureIndex, command.data.offset);
  const value = requireOneOf('value', command.data.value, DYNAMICS);
  const existing = staff.dynamics.find((d) => eqF(d.offset, offset));
  if (existing !== undefined) {
    if (existing.value === value) return [];
    return [{ type: 'DynamicChanged', data: { ...locator, dynamicId: existing.id, from: existing.value, to: value } }];
  }
  const id = requireClientId('dynamicId', command.data.dynamicId);
  requireFreshInMeasure(measure, [id]);
  return [{ type: 'DynamicAdded', data: { ...locator, dynamic: { id, offset, value } } }];
}

export function decideRemoveDynamic(command: RemoveDynamic, state: ScoreState): ScoreEvent[] {
  const { locator, staff } = requireStaff(requireScore(state, command.type), command.data);
  return [{ type: 'DynamicRemoved', data: { ...locator, dynamic: requireMark(staff.dynamics, command.data.dynamicId, 'dynamic') } }];
}

/** The end of a spanner: inside its measure and after the start. */
function requireEnd(s: ActiveScoreState, id: string, startIndex: number, start: Fraction, end: PositionInput, allowEnd: boolean): { position: ScorePosition; index: number } {
  const { measure, index } = requireMeasure(s, end?.measureId);
  const offset = requireOffset(s, index, end.offset, allowEnd);
  if (index < startIndex || (index === startIndex && lteF(offset, start))) throw new SpannerMustEndAfterStart({ id });
  return { position: { measureId: measure.id, offset }, index };
}

export function decideAddHairpin(command: AddHairpin, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { locator, measure, measureIndex } = requireStaff(s, command.data);
  const id = requireClientId('hairpinId', command.data.hairpinId);
  const offset = requireOffset(s, measureIndex, command.data.offset);
  const kind = requireOneOf('kind', command.data.kind, HAIRPINS);
  const { position } = requireEnd(s, id, measureIndex, offset, command.data.end, true);
  requireFreshInMeasure(measure, [id]);
  return [{ type: 'HairpinAdded', data: { ...locator, hairpin: { id, kind, offset, end: position } } }];
}

export function decideRemoveHairpin(command: RemoveHairpin, state: ScoreState): ScoreEvent[] {
  const { locator, staff } = requireStaff(requireScore(state, command.type), command.data);
  return [{ type: 'HairpinRemoved', data: { ...locator, hairpin: requireMark(staff.hairpins, command.data.hairpinId, 'hairpin') } }];
}

function startsChord(s: ActiveScoreState, partId: string, staff: number, voice: number, measureIndex: number, offset: Fraction): boolean {
  const entries = s.measures[measureIndex].content[partId].staves[staff - 1].voices[voice - 1];
  const offsets = entryOffsets(entries);
  return entries.some((e, k) => e.kind === 'chord' && eqF(offsets[k], offset));
}

export function decideAddSlur(command: AddSlur, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { locator, measure, measureIndex } = requireStaff(s, command.data);
  const voice = requireVoiceNumber(command.data.voice);
  const id = requireClientId('slurId', command.data.slurId);
  const offset = requireOffset(s, measureIndex, command.data.offset);
  const end = requireEnd(s, id, measureIndex, offset, command.data.end, false);
  const joins = (index: number, at: Fraction): boolean => startsChord(s, locator.partId, locator.staff, voice, index, at);
  if (!joins(measureIndex, offset) || !joins(end.index, end.position.offset)) throw new SlurMustJoinNotes({ id });
  requireFreshInMeasure(measure, [id]);
  return [{ type: 'SlurAdded', data: { ...locator, slur: { id, voice, offset, end: end.position } } }];
}

export function decideRemoveSlur(command: RemoveSlur, state: ScoreState): ScoreEvent[] {
  const { locator, staff } = requireStaff(requireScore(state, command.type), command.data);
  return [{ type: 'SlurRemoved', data: { ...locator, slur: requireMark(staff.slurs, command.data.slurId, 'slur') } }];
}

export function decideSetChordSymbol(command: SetChordSymbol, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { part } = requirePart(s, command.data.partId);
  const { measure, index } = requireMeasure(s, command.data.measureId);
  const offset = requireOffset(s, index, command.data.offset);
  const symbol = requireChordSymbol(command.data.symbol);
  const locator = { partId: part.id, measureId: measure.id };
  const existing = measure.content[part.id].chordSymbols.find((c) => eqF(c.offset, offset));
  if (existing !== undefined) {
    if (sameValue(existing.symbol, symbol)) return [];
    return [{ type: 'ChordSymbolChanged', data: { ...locator, chordSymbolId: existing.id, from: existing.symbol, to: symbol } }];
  }
  const id = requireClientId('chordSymbolId', command.data.chordSymbolId);
  requireFreshInMeasure(measure, [id]);
  return [{ type: 'ChordSymbolAdded', data: { ...locator, chordSymbol: { id, offset, symbol } } }];
}

export function decideRemoveChordSymbol(command: RemoveChordSymbol, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { part } = requirePart(s, command.data.partId);
  const { measure } = requireMeasure(s, command.data.measureId);
  const chordSymbol = requireMark(measure.content[part.id].chordSymbols, command.data.chordSymbolId, 'chord symbol');
  return [{ type: 'ChordSymbolRemoved', data: { partId: part.id, measureId: measure.id, chordSymbol } }];
}

export function decideAddTextExpression(command: AddTextExpression, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { locator, measure, measureIndex } = requireStaff(s, command.data);
  const id = requireClientId('textId', command.data.textId);
  const offset = requireOffset(s, measureIndex, command.data.offset);
  const text = requireText('text', command.data.text, { max: 100 });
  requireFreshInMeasure(measure, [id]);
  return [{ type: 'TextExpressionAdded', data: { ...locator, text: { id, offset, text } } }];
}

export function decideRemoveTextExpression(command: RemoveTextExpression, state: ScoreState): ScoreEvent[] {
  const { locator, staff } = requireStaff(requireScore(state, command.type), command.data);
  return [{ type: 'TextExpressionRemoved', data: { ...locator, text: requireMark(staff.texts, command.data.textId, 'text expression') } }];
}
