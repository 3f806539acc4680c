import type { Part, Score } from '@bandpro/domain';
import { conductorTrack } from './conductor-track';
import { MidiPartMustExist, MidiPpqMustBeValid } from './midi-errors';
import { assignChannels, partTrack } from './part-track';
import { writeSmf } from './smf-writer';
import { buildTimeline } from './timeline';

export interface MidiExportOptions {
  /** Ticks per quarter note (default 480). */
  ppq?: number;
  /** Only these parts (kept in score order); default every part. */
  partIds?: readonly string[];
}

const DEFAULT_PPQ = 480;
const MAX_PPQ = 0x7fff;

function requirePpq(ppq: unknown): number {
  if (!Number.isInteger(ppq) || (ppq as number) < 1 || (ppq as number) > MAX_PPQ) throw new MidiPpqMustBeValid({ ppq });
  return ppq as number;
}

function selectParts(score: Score, partIds: readonly string[] | undefined): Part[] {
  if (partIds === undefined) return score.parts;
  for (const partId of partIds) {
    if (!score.parts.some((p) => p.id === partId)) throw new MidiPartMustExist({ partId });
  }
  return score.parts.filter((p) => partIds.includes(p.id));
}

/**
 * The score as a Standard MIDI File, type 1: a conductor track (title, tempo map, meters, keys), then one
 * track per part on its own channel (percussion on channel 10) with the instrument's program. Notes sound
 * at concert pitch, repeats and voltas are unrolled, ties merged, and positions are exact fractions of a
 * whole note until they are rounded to ticks.
 */
export function exportMidi(score: Score, options: MidiExportOptions = {}): Uint8Array {
  const ppq = requirePpq(options.ppq ?? DEFAULT_PPQ);
  const parts = selectParts(score, options.partIds);
  const timeline = buildTimeline(score);
  const channels = assignChannels(parts);
  const tracks = [conductorTrack(score, timeline, ppq), ...parts.map((part, k) => partTrack(part, channels[k], timeline, ppq))];
  return writeSmf({ header: { format: 1, numTracks: tracks.length, ticksPerBeat: ppq }, tracks });
}
