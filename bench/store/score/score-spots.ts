import {
  entryOffsets,
  type ActiveScoreState,
  type ChordEntry,
  type Fraction,
  type Part,
  type VoiceEntry,
} from '@bandpro/domain';
import type { Random } from '../../harness/random';

/** A voice of one staff of one part in one measure: where a generated edit lands. */
export interface VoiceSpot {
  partId: string;
  staff: number;
  measureId: string;
  measureIndex: number;
  voice: number;
}

export interface EntryAt {
  entry: VoiceEntry;
  offset: Fraction;
  index: number;
}

export const target = ({ partId, staff, measureId }: VoiceSpot) => ({ partId, staff, measureId });
export const voiceTarget = (spot: VoiceSpot) => ({ ...target(spot), voice: spot.voice });
export const entryTarget = (spot: VoiceSpot, entry: VoiceEntry) => ({ ...voiceTarget(spot), entryId: entry.id });

/**
 * Edits cluster around a cursor that walks through the score, as a person works through it;
 * now and then they jump anywhere. Voice 2 gets one edit in ten.
 */
export function pickSpot(s: ActiveScoreState, r: Random, cursor: number): VoiceSpot {
  const part: Part = r.pick(s.parts);
  const near = Math.min(s.measures.length - 1, Math.max(0, cursor + r.between(-3, 3)));
  const measureIndex = r.chance(0.8) ? near : r.int(s.measures.length);
  return {
    partId: part.id,
    staff: r.between(1, part.staves),
    measureId: s.measures[measureIndex].id,
    measureIndex,
    voice: r.chance(0.1) ? 2 : 1,
  };
}

export function entriesAt(s: ActiveScoreState, spot: VoiceSpot): EntryAt[] {
  const entries = s.measures[spot.measureIndex].content[spot.partId].staves[spot.staff - 1].voices[spot.voice - 1];
  const offsets = entryOffsets(entries);
  return entries.map((entry, index) => ({ entry, offset: offsets[index], index }));
}

export function chordsAt(s: ActiveScoreState, spot: VoiceSpot): (EntryAt & { entry: ChordEntry })[] {
  return entriesAt(s, spot).filter((at): at is EntryAt & { entry: ChordEntry } => at.entry.kind === 'chord');
}
