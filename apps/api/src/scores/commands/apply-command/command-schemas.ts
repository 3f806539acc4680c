import { SCORE_COMMAND_TYPES, type ScoreCommandType } from '@bandpro/domain';

/**
 * The top-level fields each command's `data` may carry and what kind of value each takes. The
 * domain checks every value in depth (decide validates untrusted input); this table is the
 * API's first line: unknown fields are refused, and a field that must be a string or a number
 * never receives an object (`{"$gt": ""}`) or an array.
 *
 * Kinds: `text`, `int`, `bool`, `object`, `array`, `any` (a value the domain checks, e.g. a
 * union of a string and an object); `?` marks an optional field, `|null` a nullable one.
 */
type Kind = 'text' | 'int' | 'bool' | 'object' | 'array' | 'any';
type FieldSpec = `${Kind}${'' | '|null'}${'' | '?'}`;
type Schema = Readonly<Record<string, FieldSpec>>;

const staff = { partId: 'text', staff: 'int', measureId: 'text' } as const;
const voice = { ...staff, voice: 'int' } as const;
const entry = { ...voice, entryId: 'text' } as const;
const info = { title: 'text?', subtitle: 'text?', composer: 'text?', arranger: 'text?', copyright: 'text?' } as const;
const newPart = { partId: 'text', instrumentId: 'text', name: 'text?', abbreviation: 'text?' } as const;

export const COMMAND_SCHEMAS: Readonly<Record<ScoreCommandType, Schema>> = {
  CreateScore: {
    ...info, scoreId: 'text', title: 'text', parts: 'array', measureIds: 'array',
    timeSignature: 'object?', keySignature: 'object?', pickup: 'object|null?', tempo: 'object|null?',
  },
  ImportScore: { score: 'object' },
  UpdateScoreInfo: info,
  AddPart: { ...newPart, index: 'int?' },
  RemovePart: { partId: 'text' },
  MovePart: { partId: 'text', toIndex: 'int' },
  RenamePart: { partId: 'text', name: 'text', abbreviation: 'text?' },
  ChangeInstrument: { partId: 'text', instrumentId: 'text', name: 'text?', abbreviation: 'text?' },
  InsertMeasures: { beforeMeasureId: 'text|null', measureIds: 'array' },
  DeleteMeasures: { fromMeasureId: 'text', toMeasureId: 'text' },
  SetTimeSignature: { measureId: 'text', timeSignature: 'object|null' },
  SetKeySignature: { measureId: 'text', keySignature: 'object|null' },
  SetMeasureLength: { measureId: 'text', length: 'object|null' },
  SetClef: { ...staff, clef: 'any' },
  SetTempo: { measureId: 'text', tempo: 'object|null' },
  SetBarline: { measureId: 'text', side: 'text', style: 'text' },
  SetVolta: { fromMeasureId: 'text', toMeasureId: 'text', numbers: 'array|null' },
  SetRehearsalMark: { measureId: 'text', text: 'text|null' },
  WriteNote: { ...voice, offset: 'object', entryId: 'text', duration: 'object', notes: 'array' },
  DeleteNote: entry,
  ChangePitch: { ...entry, noteId: 'text', pitch: 'object' },
  ChangeDuration: { ...entry, duration: 'object', restIdSeed: 'text' },
  AddChordPitch: { ...entry, noteId: 'text', pitch: 'object' },
  RemoveChordPitch: { ...entry, noteId: 'text' },
  SetTie: { ...entry, noteId: 'text', tied: 'bool' },
  SetArticulation: { ...entry, articulation: 'text', present: 'bool' },
  SetLyric: { ...entry, verse: 'int', text: 'text', syllabic: 'text?' },
  ClearLyric: { ...entry, verse: 'int' },
  SetDynamic: { ...staff, offset: 'object', dynamicId: 'text', value: 'text' },
  RemoveDynamic: { ...staff, dynamicId: 'text' },
  AddHairpin: { ...staff, offset: 'object', hairpinId: 'text', kind: 'text', end: 'object' },
  RemoveHairpin: { ...staff, hairpinId: 'text' },
  AddSlur: { ...staff, voice: 'int', offset: 'object', slurId: 'text', end: 'object' },
  RemoveSlur: { ...staff, slurId: 'text' },
  SetChordSymbol: { partId: 'text', measureId: 'text', offset: 'object', chordSymbolId: 'text', symbol: 'any' },
  RemoveChordSymbol: { partId: 'text', measureId: 'text', chordSymbolId: 'text' },
  AddTextExpression: { ...staff, offset: 'object', textId: 'text', text: 'text' },
  RemoveTextExpression: { ...staff, textId: 'text' },
  TransposeSelection: { selection: 'object', interval: 'object?', toKey: 'object?', keepChordSymbols: 'bool?' },
};

/** The commands that edit an existing score (CreateScore has its own route). */
export const EDIT_COMMAND_TYPES = SCORE_COMMAND_TYPES.filter((type) => type !== 'CreateScore');

export interface FieldProblem {
  field: string;
  problem: string;
}

/** Problems with `data` for a command of `type`; empty when the shape is acceptable. */
export function checkCommandData(type: ScoreCommandType, data: Record<string, unknown>): FieldProblem[] {
  const schema = COMMAND_SCHEMAS[type];
  const unknown = Object.keys(data).filter((key) => !Object.prototype.hasOwnProperty.call(schema, key));
  const problems: FieldProblem[] = unknown.map((field) => ({ field, problem: 'is not a field of this command' }));
  for (const [field, spec] of Object.entries(schema)) {
    const problem = checkField(spec, data[field], Object.prototype.hasOwnProperty.call(data, field));
    if (problem) problems.push({ field, problem });
  }
  return problems;
}

function checkField(spec: FieldSpec, value: unknown, present: boolean): string | undefined {
  const optional = spec.endsWith('?');
  const nullable = spec.includes('|null');
  const kind = spec.replace('?', '').replace('|null', '') as Kind;
  if (!present || value === undefined) return optional ? undefined : 'is required';
  if (value === null) return nullable ? undefined : 'may not be null';
  return KIND_CHECKS[kind](value) ? undefined : `must be ${KIND_NAMES[kind]}`;
}

const KIND_CHECKS: Record<Kind, (value: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.length <= 10_000,
  int: (v) => Number.isSafeInteger(v),
  bool: (v) => typeof v === 'boolean',
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: (v) => Array.isArray(v) && v.length <= 10_000,
  any: () => true,
};

const KIND_NAMES: Record<Kind, string> = {
  text: 'a string', int: 'a whole number', bool: 'true or false', object: 'an object', array: 'an array', any: 'a value',
};
