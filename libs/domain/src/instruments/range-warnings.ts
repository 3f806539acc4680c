import type { Pitch } from '../music/music.types';
import { pitchToMidi } from '../music/pitch';
import type { ActiveScoreState, ScoreState } from '../score/model/score.state';
import type { Measure, Part, StaffNumber, VoiceNumber } from '../score/model/score.types';
import { requireMeasure, requirePart, requireScore } from '../score/queries/lookup';
import { getInstrument, writtenPitch } from './instruments';

/** The catalogue has one playable range per instrument, so a note is either inside it or outside. */
export type RangeSeverity = 'outside';

export interface RangeWarning {
  partId: string;
  measureId: string;
  /** The printed bar number: a pickup is bar 0. */
  bar: number;
  staff: StaffNumber;
  voice: VoiceNumber;
  entryId: string;
  noteId: string;
  /** Sounding (concert) pitch, as the score stores it and the catalogue's ranges are given. */
  pitch: Pitch;
  /** What the player reads, for transposing instruments. */
  written: Pitch;
  range: { low: Pitch; high: Pitch };
  severity: RangeSeverity;
}

export interface RangeWarningOptions {
  partId?: string;
  measureIds?: readonly string[];
}

/** Bar numbers as printed: when the first measure is a pickup (irregular length) it is bar 0. */
export function barNumber(state: ActiveScoreState, index: number): number {
  return index + (state.measures[0]?.length === null ? 1 : 0);
}

function selectedMeasures(state: ActiveScoreState, measureIds: readonly string[] | undefined): number[] {
  if (measureIds === undefined) return state.measures.map((_, i) => i);
  return [...new Set(measureIds.map((id) => requireMeasure(state, id).index))].sort((a, b) => a - b);
}

function partWarnings(state: ActiveScoreState, part: Part, measure: Measure, index: number): RangeWarning[] {
  const instrument = getInstrument(part.instrumentId);
  // A part whose instrument is not in the catalogue (an imported oddity) has no range to check against.
  if (!instrument) return [];
  const [low, high] = [instrument.range.lowest, instrument.range.highest];
  const [lowMidi, highMidi] = [pitchToMidi(low), pitchToMidi(high)];
  const warnings: RangeWarning[] = [];
  measure.content[part.id].staves.forEach((staffMeasure, s) => {
    staffMeasure.voices.forEach((entries, v) => {
      for (const entry of entries) {
        if (entry.kind !== 'chord') continue;
        for (const note of entry.notes) {
          const midi = pitchToMidi(note.pitch);
          if (midi >= lowMidi && midi <= highMidi) continue;
          warnings.push({
            partId: part.id, measureId: measure.id, bar: barNumber(state, index),
            staff: (s + 1) as StaffNumber, voice: (v + 1) as VoiceNumber, entryId: entry.id, noteId: note.id,
            pitch: note.pitch, written: writtenPitch(note.pitch, instrument), range: { low, high }, severity: 'outside',
          });
        }
      }
    });
  });
  return warnings;
}

/**
 * Every note outside its part's playable range, in score order (measure, then part, staff, voice, entry).
 * Ranges are sounding pitches and the score stores sounding pitches, so the check is the same whatever the
 * instrument's transposition, and ChangeInstrument (which keeps sounding pitch) re-judges notes by the new
 * instrument's range. Unknown parts or measures in the options throw REFERENCED_ELEMENT_MUST_EXIST.
 */
export function rangeWarnings(state: ScoreState, options: RangeWarningOptions = {}): RangeWarning[] {
  const score = requireScore(state, 'rangeWarnings');
  const parts = options.partId === undefined ? score.parts : [requirePart(score, options.partId).part];
  return selectedMeasures(score, options.measureIds).flatMap((index) =>
    parts.flatMap((part) => partWarnings(score, part, score.measures[index], index)),
  );
}
