import { addF, durationToFraction, entryOffsets, eqF, pitchToMidi, type Fraction, type Part } from '@bandpro/domain';
import type { PlayedMeasure } from './timeline';
import type { VelocityMap } from './velocities';

/** A note as it sounds: ties merged, positions in whole notes from the start of the unrolled piece. */
export interface SoundingNote {
  midi: number;
  start: Fraction;
  end: Fraction;
  velocity: number;
}

const VOICES_PER_STAFF = 4;

/** Every note of a part along the playback, all staves and voices together. */
export function partNotes(part: Part, played: readonly PlayedMeasure[], velocities: VelocityMap): SoundingNote[] {
  const notes: SoundingNote[] = [];
  for (let staff = 0; staff < part.staves; staff++) {
    for (let voice = 0; voice < VOICES_PER_STAFF; voice++) notes.push(...voiceNotes(part.id, staff, voice, played, velocities));
  }
  return notes;
}

/**
 * One voice along the playback. A tied note continues into the note of equal MIDI pitch that starts where it
 * ends in the next played entry of the voice (after a repeat, the measure jumped back to); a tie with
 * nothing to continue into (a rest, another pitch, a gap) just ends.
 */
function voiceNotes(partId: string, staff: number, voice: number, played: readonly PlayedMeasure[], velocities: VelocityMap): SoundingNote[] {
  const notes: SoundingNote[] = [];
  let tied = new Map<number, SoundingNote>();
  for (const { info, start } of played) {
    const entries = info.measure.content[partId].staves[staff].voices[voice];
    const offsets = entryOffsets(entries);
    entries.forEach((entry, k) => {
      const at = addF(start, offsets[k]);
      const end = addF(at, durationToFraction(entry.duration));
      const ties = new Map<number, SoundingNote>();
      for (const note of entry.kind === 'chord' ? entry.notes : []) {
        const midi = pitchToMidi(note.pitch);
        let sounding = tied.get(midi);
        if (sounding && eqF(sounding.end, at)) {
          sounding.end = end;
        } else {
          sounding = { midi, start: at, end, velocity: velocities(addF(info.scoreStart, offsets[k])) };
          notes.push(sounding);
        }
        if (note.tie) ties.set(midi, sounding);
      }
      tied = ties;
    });
  }
  return notes;
}
