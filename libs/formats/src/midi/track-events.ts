import type { MidiEvent } from 'midi-file';

type TrackEventType = 'trackName' | 'timeSignature' | 'keySignature' | 'setTempo' | 'programChange' | 'noteOff' | 'noteOn';

export type TrackEvent = Extract<MidiEvent, { type: TrackEventType }>;

/** An event at an absolute tick; the track turns these into delta times. */
export interface TimedEvent {
  tick: number;
  event: TrackEvent;
}

/** At one tick: names and attributes first, then the program, then note-offs before note-ons (re-struck notes). */
const RANK: Record<TrackEventType, number> = {
  trackName: 0,
  timeSignature: 1,
  keySignature: 2,
  setTempo: 3,
  programChange: 4,
  noteOff: 5,
  noteOn: 6,
};

/** Sorted by tick (stable within a rank), with delta times, closed by an end-of-track at `endTick` or later. */
export function toTrack(events: readonly TimedEvent[], endTick: number): MidiEvent[] {
  const sorted = [...events].sort((a, b) => a.tick - b.tick || RANK[a.event.type] - RANK[b.event.type]);
  let previous = 0;
  const track: MidiEvent[] = sorted.map(({ tick, event }) => {
    const deltaTime = tick - previous;
    previous = tick;
    return { ...event, deltaTime };
  });
  track.push({ type: 'endOfTrack', meta: true, deltaTime: Math.max(0, endTick - previous) });
  return track;
}

/**
 * midi-file writes one byte per UTF-16 code unit (and its length in code units), so text goes in as UTF-8
 * bytes, one per character: "Trumpet in B♭" keeps its flat.
 */
function metaText(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text));
}

export function trackName(text: string): TimedEvent {
  return { tick: 0, event: { type: 'trackName', meta: true, text: metaText(text), deltaTime: 0 } };
}
