import { getInstrument, type Part } from '@bandpro/domain';
import type { MidiEvent } from 'midi-file';
import { partVelocities } from './part-dynamics';
import { partNotes, type SoundingNote } from './part-notes';
import { toTicks, type Timeline } from './timeline';
import { toTrack, trackName, type TimedEvent } from './track-events';

const PERCUSSION_CHANNEL = 9;
/** Channels 1-16 but 10, which General MIDI keeps for drums. */
const MELODIC_CHANNELS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15];

const isPercussion = (part: Part): boolean => getInstrument(part.instrumentId)?.percussion === true;

/** Percussion parts share channel 10; the others take the rest in order, wrapping after fifteen parts. */
export function assignChannels(parts: readonly Part[]): number[] {
  let melodic = 0;
  return parts.map((p) => (isPercussion(p) ? PERCUSSION_CHANNEL : MELODIC_CHANNELS[melodic++ % MELODIC_CHANNELS.length]));
}

interface TickNote {
  midi: number;
  start: number;
  end: number;
  velocity: number;
}

/**
 * One channel cannot sound a key twice, so where voices or staves of a part overlap on a pitch: notes struck
 * together become one (the longest, sorted first), and a note struck while the key still sounds re-strikes
 * it, holding as long as either would have. Every note lasts at least one tick.
 */
function toTickNotes(notes: readonly SoundingNote[], ppq: number): TickNote[] {
  const ticks = notes
    .map((n) => {
      const start = toTicks(n.start, ppq);
      return { midi: n.midi, start, end: Math.max(toTicks(n.end, ppq), start + 1), velocity: n.velocity };
    })
    .sort((a, b) => a.start - b.start || a.midi - b.midi || b.end - a.end);
  const sounding = new Map<number, TickNote>();
  const out: TickNote[] = [];
  for (const note of ticks) {
    const previous = sounding.get(note.midi);
    if (previous && note.start < previous.end) {
      if (note.start === previous.start) continue;
      note.end = Math.max(note.end, previous.end);
      previous.end = note.start;
    }
    sounding.set(note.midi, note);
    out.push(note);
  }
  return out;
}

/** A part's track: its name, its instrument's General MIDI program, then its notes at concert pitch. */
export function partTrack(part: Part, channel: number, timeline: Timeline, ppq: number): MidiEvent[] {
  const program = (getInstrument(part.instrumentId)?.midiProgram ?? 1) - 1;
  const notes = toTickNotes(partNotes(part, timeline.played, partVelocities(part, timeline.measures)), ppq);
  const events: TimedEvent[] = [
    trackName(part.name),
    { tick: 0, event: { type: 'programChange', deltaTime: 0, channel, programNumber: program } },
  ];
  for (const n of notes) {
    events.push({ tick: n.start, event: { type: 'noteOn', deltaTime: 0, channel, noteNumber: n.midi, velocity: n.velocity } });
    events.push({ tick: n.end, event: { type: 'noteOff', deltaTime: 0, channel, noteNumber: n.midi, velocity: 0 } });
  }
  return toTrack(events, toTicks(timeline.end, ppq));
}
