import { defineError } from '../../errors/define-error';
import { ConflictError, InvalidCommandError, NotFoundError, RuleViolationError } from '../../errors/domain-error';

/* Every rule of the score aggregate, named as the sentence it enforces, with its stable code. */

const show = (v: unknown): string => JSON.stringify(v);

// 400: the command is malformed.
export const CommandMustBeKnown = defineError('CommandMustBeKnown', InvalidCommandError, 'COMMAND_MUST_BE_KNOWN',
  (d: { type: unknown }) => `Unknown command type ${show(d.type)}`);
export const IdMustBeWellFormed = defineError('IdMustBeWellFormed', InvalidCommandError, 'ID_MUST_BE_WELL_FORMED',
  (d: { field: string; id: unknown }) => `${d.field} must be a ULID or a UUID, got ${show(d.id)}`);
export const FieldMustBeValid = defineError('FieldMustBeValid', InvalidCommandError, 'FIELD_MUST_BE_VALID',
  (d: { field: string; value: unknown; expected: string }) => `${d.field} must be ${d.expected}, got ${show(d.value)}`);
export const VoiceMustBeOneToFour = defineError('VoiceMustBeOneToFour', InvalidCommandError, 'VOICE_MUST_BE_ONE_TO_FOUR',
  (d: { voice: unknown }) => `A voice is numbered 1 to 4, got ${show(d.voice)}`);
export const DurationMustBeValid = defineError('DurationMustBeValid', InvalidCommandError, 'DURATION_MUST_BE_VALID',
  (d: { duration: unknown }) => `Not a valid duration: ${show(d.duration)} (whole to 64th, 0-2 dots, tuplets up to 32)`);
export const PitchMustBeWithinMidiRange = defineError('PitchMustBeWithinMidiRange', InvalidCommandError,
  'PITCH_MUST_BE_WITHIN_MIDI_RANGE', (d: { pitch: unknown }) => `Not a valid pitch within MIDI 0-127: ${show(d.pitch)}`);
export const TimeSignatureMustBeValid = defineError('TimeSignatureMustBeValid', InvalidCommandError,
  'TIME_SIGNATURE_MUST_BE_VALID', (d: { timeSignature: unknown }) => `Not a valid time signature: ${show(d.timeSignature)}`);
export const KeySignatureMustBeValid = defineError('KeySignatureMustBeValid', InvalidCommandError,
  'KEY_SIGNATURE_MUST_BE_VALID', (d: { keySignature: unknown }) => `Not a valid key signature: ${show(d.keySignature)}`);
export const ClefMustBeValid = defineError('ClefMustBeValid', InvalidCommandError, 'CLEF_MUST_BE_VALID',
  (d: { clef: unknown }) => `Not a valid clef: ${show(d.clef)}`);
export const TempoMustBeValid = defineError('TempoMustBeValid', InvalidCommandError, 'TEMPO_MUST_BE_VALID',
  (d: { tempo: unknown }) => `Not a valid tempo mark (1-999 bpm, a plain beat unit): ${show(d.tempo)}`);
export const ChordSymbolMustBeValid = defineError('ChordSymbolMustBeValid', InvalidCommandError,
  'CHORD_SYMBOL_MUST_BE_VALID', (d: { symbol: unknown }) => `Not a valid chord symbol: ${show(d.symbol)}`);
export const IntervalMustBeValid = defineError('IntervalMustBeValid', InvalidCommandError, 'INTERVAL_MUST_BE_VALID',
  (d: { interval: unknown }) => `Not a valid interval: ${show(d.interval)}`);
export const ScoreDocumentMustBeWellFormed = defineError('ScoreDocumentMustBeWellFormed', InvalidCommandError,
  'SCORE_DOCUMENT_MUST_BE_WELL_FORMED', (d: { path: string; problem: string }) => `Score document: ${d.path} ${d.problem}`);

// 404: something the command names is not there.
export const ScoreMustExist = defineError('ScoreMustExist', NotFoundError, 'SCORE_MUST_EXIST',
  (_d: { command: string }) => 'The score does not exist (create or import it first)');
export const ReferencedElementMustExist = defineError('ReferencedElementMustExist', NotFoundError,
  'REFERENCED_ELEMENT_MUST_EXIST', (d: { kind: string; id: unknown }) => `No ${d.kind} ${show(d.id)} in this score`);

// 409: clashes with what exists.
export const ScoreMustNotExistYet = defineError('ScoreMustNotExistYet', ConflictError, 'SCORE_MUST_NOT_EXIST_YET',
  (d: { scoreId: string }) => `Score ${d.scoreId} exists already`);
export const IdsMustBeUnique = defineError('IdsMustBeUnique', ConflictError, 'IDS_MUST_BE_UNIQUE',
  (d: { id: string; scope: string }) => `Id ${d.id} is already used in this ${d.scope}`);

// 422: well formed, but breaks a rule of notation or of the score model.
export const NoteMustFitInMeasure = defineError('NoteMustFitInMeasure', RuleViolationError, 'NOTE_MUST_FIT_IN_MEASURE',
  (d: { measureId: string; offset: string; length: string; measureLength: string }) =>
    `A ${d.length} note at ${d.offset} does not fit in a measure of ${d.measureLength} (measure ${d.measureId})`);
export const TupletMustBeComplete = defineError('TupletMustBeComplete', RuleViolationError, 'TUPLET_MUST_BE_COMPLETE',
  (d: { measureId: string; voice: number }) =>
    `The edit would leave an incomplete tuplet in voice ${d.voice} of measure ${d.measureId}`);
export const GapMustBeFillableWithRests = defineError('GapMustBeFillableWithRests', RuleViolationError,
  'GAP_MUST_BE_FILLABLE_WITH_RESTS', (d: { measureId: string; offset: string; length: string }) =>
    `A gap of ${d.length} at ${d.offset} in measure ${d.measureId} cannot be written with rests`);
export const ScoreMustKeepAtLeastOnePart = defineError('ScoreMustKeepAtLeastOnePart', RuleViolationError,
  'SCORE_MUST_KEEP_AT_LEAST_ONE_PART', (_d: { partId?: string }) => 'A score has at least one part');
export const ScoreMustKeepAtLeastOneMeasure = defineError('ScoreMustKeepAtLeastOneMeasure', RuleViolationError,
  'SCORE_MUST_KEEP_AT_LEAST_ONE_MEASURE', (_d: { count?: number }) => 'A score has at least one measure');
export const FirstMeasureMustHaveTimeAndKeySignature = defineError('FirstMeasureMustHaveTimeAndKeySignature',
  RuleViolationError, 'FIRST_MEASURE_MUST_HAVE_TIME_AND_KEY_SIGNATURE',
  (d: { measureId: string }) => `The first measure (${d.measureId}) must keep its time and key signature`);
export const MeasureContentMustFitItsLength = defineError('MeasureContentMustFitItsLength', RuleViolationError,
  'MEASURE_CONTENT_MUST_FIT_ITS_LENGTH', (d: { measureId: string; length: string }) =>
    `Measure ${d.measureId} holds notes or marks beyond its new length ${d.length}; delete them first`);
export const MeasureLengthMustNotExceedTimeSignature = defineError('MeasureLengthMustNotExceedTimeSignature',
  RuleViolationError, 'MEASURE_LENGTH_MUST_NOT_EXCEED_TIME_SIGNATURE', (d: { measureId: string; length: string }) =>
    `An irregular measure is shorter than its time signature; ${d.length} is not (measure ${d.measureId})`);
export const InstrumentMustBeKnown = defineError('InstrumentMustBeKnown', RuleViolationError, 'INSTRUMENT_MUST_BE_KNOWN',
  (d: { instrumentId: unknown }) => `No instrument ${show(d.instrumentId)} in the catalogue`);
export const StaffCountMustMatchInstrument = defineError('StaffCountMustMatchInstrument', RuleViolationError,
  'STAFF_COUNT_MUST_MATCH_INSTRUMENT', (d: { partId: string; staves: number; instrumentStaves: number }) =>
    `Part ${d.partId} has ${d.staves} staves; the new instrument has ${d.instrumentStaves}`);
export const StaffMustExistInPart = defineError('StaffMustExistInPart', RuleViolationError, 'STAFF_MUST_EXIST_IN_PART',
  (d: { partId: string; staff: unknown }) => `Part ${d.partId} has no staff ${show(d.staff)}`);
export const EntryMustBeAChord = defineError('EntryMustBeAChord', RuleViolationError, 'ENTRY_MUST_BE_A_CHORD',
  (d: { entryId: string }) => `Entry ${d.entryId} is a rest: it has no pitches, ties, articulations or lyrics`);
export const ChordMustKeepAtLeastOnePitch = defineError('ChordMustKeepAtLeastOnePitch', RuleViolationError,
  'CHORD_MUST_KEEP_AT_LEAST_ONE_PITCH', (d: { entryId: string }) =>
    `Removing the last pitch of ${d.entryId} would leave no chord; delete the note instead`);
export const ChordPitchesMustBeDistinct = defineError('ChordPitchesMustBeDistinct', RuleViolationError,
  'CHORD_PITCHES_MUST_BE_DISTINCT', (d: { pitch: unknown }) => `The chord already holds ${show(d.pitch)}`);
export const TieMustConnectEqualPitches = defineError('TieMustConnectEqualPitches', RuleViolationError,
  'TIE_MUST_CONNECT_EQUAL_PITCHES', (d: { noteId: string }) =>
    `Note ${d.noteId} can only be tied to a following note of the same pitch in its voice`);
export const OffsetMustBeWithinMeasure = defineError('OffsetMustBeWithinMeasure', RuleViolationError,
  'OFFSET_MUST_BE_WITHIN_MEASURE', (d: { measureId: string; offset: string; measureLength: string }) =>
    `Offset ${d.offset} is outside measure ${d.measureId} (length ${d.measureLength})`);
export const SpannerMustEndAfterStart = defineError('SpannerMustEndAfterStart', RuleViolationError,
  'SPANNER_MUST_END_AFTER_START', (d: { id: string }) => `${d.id} must end after it starts`);
export const SlurMustJoinNotes = defineError('SlurMustJoinNotes', RuleViolationError, 'SLUR_MUST_JOIN_NOTES',
  (d: { id: string }) => `Slur ${d.id} must start and end on notes of its voice`);
export const IndexMustBeInRange = defineError('IndexMustBeInRange', RuleViolationError, 'INDEX_MUST_BE_IN_RANGE',
  (d: { index: unknown; max: number }) => `Index ${show(d.index)} is outside 0..${d.max}`);
export const MeasureRangeMustBeOrdered = defineError('MeasureRangeMustBeOrdered', RuleViolationError,
  'MEASURE_RANGE_MUST_BE_ORDERED', (d: { fromMeasureId: string; toMeasureId: string }) =>
    `Measure ${d.fromMeasureId} comes after ${d.toMeasureId}`);
export const TransposedPitchMustBeSpellable = defineError('TransposedPitchMustBeSpellable', RuleViolationError,
  'TRANSPOSED_PITCH_MUST_BE_SPELLABLE', (d: { pitch: unknown; interval: unknown }) =>
    `Transposing ${show(d.pitch)} by ${show(d.interval)} leaves MIDI 0-127 or needs more than a double accidental`);
