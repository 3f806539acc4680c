import { Midi } from '@tonejs/midi';

/** A note as @tonejs/midi reads it back, velocity as the 0-127 byte. */
export interface ReadNote {
  midi: number;
  ticks: number;
  durationTicks: number;
  velocity: number;
}

export interface ReadTrack {
  name: string;
  channel: number;
  program: number;
  notes: ReadNote[];
  endOfTrackTicks: number | undefined;
}

export interface ReadFile {
  /** The SMF format word of the MThd chunk. */
  format: number;
  /** The track count of the MThd chunk, conductor track included. */
  trackCount: number;
  ppq: number;
  /** The conductor track's name. */
  name: string;
  tempos: { ticks: number; bpm: number }[];
  timeSignatures: { ticks: number; timeSignature: number[] }[];
  keySignatures: { ticks: number; key: string; scale: string }[];
  /** The part tracks: @tonejs/midi drops a type 1 file's first track when it holds no notes. */
  tracks: ReadTrack[];
}

/** Meta texts come back one character per byte; the exporter writes UTF-8. */
const utf8 = (text: string): string => Buffer.from(text, 'latin1').toString('utf8');

export const byTimeThenPitch = (a: ReadNote, b: ReadNote): number => a.ticks - b.ticks || a.midi - b.midi;

/** Parses the file with @tonejs/midi, the independent reader, into plain data for toEqual. */
export function readBack(bytes: Uint8Array): ReadFile {
  const midi = new Midi(bytes);
  return {
    format: (bytes[8] << 8) | bytes[9],
    trackCount: (bytes[10] << 8) | bytes[11],
    ppq: midi.header.ppq,
    name: utf8(midi.header.name),
    tempos: midi.header.tempos.map((t) => ({ ticks: t.ticks, bpm: t.bpm })),
    timeSignatures: midi.header.timeSignatures.map((t) => ({ ticks: t.ticks, timeSignature: t.timeSignature })),
    keySignatures: midi.header.keySignatures.map((k) => ({ ticks: k.ticks, key: k.key, scale: k.scale })),
    tracks: midi.tracks.map((t) => ({
      name: utf8(t.name),
      channel: t.channel,
      program: t.instrument.number,
      endOfTrackTicks: t.endOfTrackTicks,
      notes: t.notes
        .map((n) => ({ midi: n.midi, ticks: n.ticks, durationTicks: n.durationTicks, velocity: Math.round(n.velocity * 127) }))
        .sort(byTimeThenPitch),
    })),
  };
}
