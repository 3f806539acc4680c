import { beatLength, durationToFraction, type Fraction, type KeySignature, type Score, type TempoMark } from '@bandpro/domain';
import type { MidiEvent } from 'midi-file';
import type { MeasureInfo } from './measure-layout';
import { toTicks, type PlayedMeasure, type Timeline } from './timeline';
import { toTrack, trackName, type TimedEvent, type TrackEvent } from './track-events';

/** 120 quarter notes a minute, the SMF default, stated explicitly for scores without a tempo mark. */
const DEFAULT_MICROSECONDS_PER_QUARTER = 500_000;
const MAX_MICROSECONDS_PER_QUARTER = 0xffffff;
/** MIDI clocks per whole note (24 per quarter). */
const CLOCKS_PER_WHOLE = 96;

function microsecondsPerQuarter(tempo: TempoMark | null): number {
  if (tempo === null) return DEFAULT_MICROSECONDS_PER_QUARTER;
  const beat = durationToFraction({ type: tempo.beatUnit.type, dots: tempo.beatUnit.dots });
  const quartersPerMinute = (tempo.bpm * 4 * beat.num) / beat.den;
  return Math.min(MAX_MICROSECONDS_PER_QUARTER, Math.max(1, Math.round(60_000_000 / quartersPerMinute)));
}

const clocks = (length: Fraction): number => Math.max(1, Math.round((length.num * CLOCKS_PER_WHOLE) / length.den));
const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

type TimeSignatureEvent = Extract<MidiEvent, { type: 'timeSignature' }>;

/**
 * The meter a measure is played in. A pickup or other irregular measure gets a meter of its own length (a
 * quarter-note pickup in 4/4 is 1/4) so that sequencers draw the following barlines where the score has them;
 * a length no meter can spell (a denominator that is not a power of two) leaves the meter unchanged.
 */
function midiTimeSignature(info: MeasureInfo): TimeSignatureEvent | null {
  const ts = info.timeSignature;
  if (info.measure.length === null) return timeSignature(ts.beats, ts.beatType, clocks(beatLength(ts)));
  const length = info.measure.length;
  const beats = (length.num * ts.beatType) / length.den;
  if (Number.isInteger(beats)) return timeSignature(beats, ts.beatType, clocks({ num: 1, den: ts.beatType }));
  if (isPowerOfTwo(length.den)) return timeSignature(length.num, length.den, clocks({ num: 1, den: length.den }));
  return null;
}

function timeSignature(numerator: number, denominator: number, metronome: number): TimeSignatureEvent {
  return { type: 'timeSignature', meta: true, deltaTime: 0, numerator, denominator, metronome, thirtyseconds: 8 };
}

function keySignature(ks: KeySignature): TrackEvent {
  return { type: 'keySignature', meta: true, deltaTime: 0, key: ks.fifths, scale: ks.mode === 'minor' ? 1 : 0 };
}

/** Emits `event` when it differs from the last one of its kind, so repeats and jumps restate what changes. */
function changes(played: readonly PlayedMeasure[], ppq: number, eventAt: (info: MeasureInfo) => TrackEvent | null): TimedEvent[] {
  const out: TimedEvent[] = [];
  let last = '';
  for (const { info, start } of played) {
    const event = eventAt(info);
    const key = JSON.stringify(event);
    if (event === null || key === last) continue;
    last = key;
    out.push({ tick: toTicks(start, ppq), event });
  }
  return out;
}

/** Track 0 of the type 1 file: the score's title, tempo map, meters and keys along the unrolled playback. */
export function conductorTrack(score: Score, timeline: Timeline, ppq: number): MidiEvent[] {
  const tempo = (info: MeasureInfo): TrackEvent => ({
    type: 'setTempo',
    meta: true,
    deltaTime: 0,
    microsecondsPerBeat: microsecondsPerQuarter(info.tempo),
  });
  const events = [
    ...(score.title === '' ? [] : [trackName(score.title)]),
    ...changes(timeline.played, ppq, midiTimeSignature),
    ...changes(timeline.played, ppq, (info) => keySignature(info.keySignature)),
    ...changes(timeline.played, ppq, tempo),
  ];
  return toTrack(events, toTicks(timeline.end, ppq));
}
